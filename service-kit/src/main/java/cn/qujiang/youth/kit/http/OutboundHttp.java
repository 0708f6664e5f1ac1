package cn.qujiang.youth.kit.http;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/** The request factory of every outbound HTTP client of the suite (contacts and event-key lookups, SMS provider). */
public final class OutboundHttp {
    private OutboundHttp() {
    }

    /**
     * Bounded connect and read times, so a hung peer becomes a retryable failure instead of a stuck dispatcher.
     * HTTP/1.1 only: the JDK client's default HTTP/2 upgrade attempt stalls against some HTTP/1.1 servers.
     */
    public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build());
        factory.setReadTimeout(readTimeout);
        return factory;
    }
}
