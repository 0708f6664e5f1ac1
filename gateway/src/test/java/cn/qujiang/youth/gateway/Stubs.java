package cn.qujiang.youth.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Stand-ins for the services: each answers anything with its own name, so a test sees where a call went. */
public final class Stubs {
    private Stubs() {
    }

    public static WireMockServer service(String name) {
        // a delayed answer waits on a timer, not on one of the few container threads: many slow calls can be open
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(8).jettyAcceptors(1).asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(2));
        server.start();
        answerWithName(server, name);
        return server;
    }

    public static void answerWithName(WireMockServer server, String name) {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson("{\"service\":\"" + name + "\"}")));
    }
}
