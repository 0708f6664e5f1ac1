package cn.qujiang.youth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server as a browser meets it, against a small built app in the test resources (static/sample). */
class WebServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = new WebServer(new SiteConfig("sample", "127.0.0.1", 0, "http://127.0.0.1:18080",
                "http://127.0.0.1:18180", "qujiang", "youth-mobile", "2026-01")).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void indexIsRevalidatedAndCarriesTheStrictPolicy() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<div id=\"app\">");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                .contains("connect-src 'self' http://127.0.0.1:18080 http://127.0.0.1:18180;")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void appRoutesWithoutAFileGetTheAppAndMissingFilesA404() throws Exception {
        assertThat(get("/matches").body()).contains("<div id=\"app\">");
        assertThat(get("/applications/42").statusCode()).isEqualTo(200);
        assertThat(get("/assets/missing-123.js").statusCode()).isEqualTo(404);
    }

    @Test
    void hashedAssetsAreCachedForAYearAndGzippedWhenAsked() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/assets/index-3f2a9c.js"))
                .header("Accept-Encoding", "gzip").build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String script = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(script).startsWith("console.log(\"青年衢江 sample app script");
        assertThat(response.body().length).isLessThan(script.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void anUnchangedFileIsAnsweredWith304() throws Exception {
        String etag = get("/").headers().firstValue("ETag").orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/")).header("If-None-Match", etag).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);
    }

    @Test
    void configTellsTheAppWhereTheGatewayAndKeycloakAre() throws Exception {
        HttpResponse<String> response = get("/config.json");
        assertThat(response.body()).isEqualTo("{\"apiBase\":\"http://127.0.0.1:18080\",\"keycloakUrl\":"
                + "\"http://127.0.0.1:18180\",\"realm\":\"qujiang\",\"clientId\":\"youth-mobile\","
                + "\"privacyNoticeVersion\":\"2026-01\"}");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void onlyReadsAreServedAndPathsStayInsideTheApp() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(server.url() + "/")).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> refused = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(get("/assets/%2e%2e/%2e%2e/WebServer.class").statusCode()).isEqualTo(400);
        assertThat(get("/..%2fapplication.yml").statusCode()).isEqualTo(400);
    }

    @Test
    void anAppThatIsNotBuiltIsAStartUpError() {
        SiteConfig missing = new SiteConfig("statistics", "127.0.0.1", 0, "a", "b", "qujiang", "hr-console", "2026-01");
        assertThatThrownBy(() -> new WebServer(missing).start()).hasMessageContaining("not in this jar");
    }

    @Test
    void optionsAreReadAndUnknownOnesRefused() {
        SiteConfig config = SiteConfig.fromArgs(new String[] {"--port=6000", "--api-base=http://gw:8080"});
        assertThat(config.port()).isEqualTo(6000);
        assertThat(config.apiBase()).isEqualTo("http://gw:8080");
        assertThat(config.clientId()).isEqualTo("youth-mobile");
        assertThatThrownBy(() -> SiteConfig.fromArgs(new String[] {"--colour=blue"})).hasMessageContaining("--colour");
        SiteConfig console = SiteConfig.fromArgs(new String[] {"--app=console"});
        assertThat(console.port()).isEqualTo(5174);
        assertThat(console.clientId()).isEqualTo("hr-console");
        assertThatThrownBy(() -> SiteConfig.fromArgs(new String[] {"--app=../etc"})).hasMessageContaining("--app");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
