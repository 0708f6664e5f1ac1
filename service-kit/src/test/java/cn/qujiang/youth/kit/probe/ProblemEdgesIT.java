package cn.qujiang.youth.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.infra.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal a service gives, from whichever layer (Tomcat before any filter, Spring Security, the error page,
 * Spring MVC), is one problem shape: {@code code}, {@code instance} and {@code traceId} at the top level and a
 * Chinese detail when the caller names no language. Requests go over a raw socket, byte for byte as sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ProblemEdgesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaMongoAndKeycloak("kit-probe").forEach((key, value) -> registry.add(key, () -> value));
    }

    private final int port;
    private final FilterChainProxy securityChain;
    private final HttpFirewall kitFirewall;

    ProblemEdgesIT(@LocalServerPort int port, FilterChainProxy securityChain, HttpFirewall kitFirewall) {
        this.port = port;
        this.securityChain = securityChain;
        this.kitFirewall = kitFirewall;
    }

    @Test
    void theServicesOwn401HasTheWholeShape() {
        Answer answer = send("GET /api/probe/me HTTP/1.1", null);

        JsonNode problem = answer.problem(401, "UNAUTHENTICATED");
        assertThat(problem.has("properties")).isFalse();
        assertThat(problem.path("instance").asString()).isEqualTo("/api/probe/me");
        assertThat(problem.path("detail").asString()).isEqualTo("需要有效的访问令牌。");
    }

    @Test
    void aPathThatIsNotUtf8GetsAProblemNotTomcatsPage() {
        Answer answer = send("GET /api/probe/%C3%28 HTTP/1.1", null);

        answer.problem(400, "BAD_REQUEST");
        assertThat(answer.raw()).doesNotContain("<html", "Apache Tomcat");
    }

    @Test
    void aPathTheFirewallRefusesGetsAProblem() {
        send("GET /api/probe/me/%2e%2e/x HTTP/1.1", null).problem(400, "BAD_REQUEST");
    }

    /**
     * The kit's firewall (header values checked by {@code HeaderValues} instead of Spring Security's pattern) is the
     * one the chain uses, and still refuses a token with a control character (U+0085, sent as byte 0x85) before the
     * token is read.
     */
    @Test
    void aTokenWithAControlCharacterIsRefusedByTheKitsFirewall() {
        // the bean is Spring Security's composite around the chain it built from the configuration: that one checks
        Object builtChain = ReflectionTestUtils.getField(securityChain, "springSecurityFilterChain");
        assertThat(ReflectionTestUtils.getField(builtChain, "firewall")).isSameAs(kitFirewall);

        send("GET /api/probe/me HTTP/1.1\r\nAuthorization: Bearer abc\u0085def", null).problem(400, "BAD_REQUEST");
    }

    @Test
    void headersTooLargeForTomcatGetAProblem() {
        Answer answer = send("GET /api/probe/me HTTP/1.1\r\nX-Padding: " + "p".repeat(20_000), null);

        assertThat(answer.status()).isBetween(400, 431);
        assertThat(answer.raw()).doesNotContain("<html");
        assertThat(answer.json().path("code").asString()).isNotBlank();
    }

    @Test
    void aMalformedOriginIsNotAFailure() {
        Answer answer = send("GET /api/probe/me HTTP/1.1\r\nOrigin: http://[::1", null);

        assertThat(answer.status()).isLessThan(500);
        assertThat(answer.json().path("code").asString()).isNotBlank();
    }

    @Test
    void mvcRefusalsAreProblemsWithCodes() {
        String token = "Authorization: Bearer " + TestInfrastructure.keycloak().tokens()
                .password("applicant1", "Applicant1pass");

        send("GET /api/probe/me/nothing-here HTTP/1.1\r\n" + token, null).problem(404, "NOT_FOUND");
        assertThat(send("GET /api/probe/me/nothing-here HTTP/1.1\r\n" + token, null).json().path("detail").asString())
                .isEqualTo("未找到该资源。");
        send("DELETE /api/probe/me HTTP/1.1\r\n" + token, null).problem(405, "METHOD_NOT_ALLOWED");
        send("GET /api/probe/me HTTP/1.1\r\nAccept: text/html\r\n" + token, null).problem(406, "NOT_ACCEPTABLE");
        send("POST /api/probe/me/notes HTTP/1.1\r\nContent-Type: text/plain\r\n" + token, "hi")
                .problem(415, "UNSUPPORTED_MEDIA_TYPE");
        send("POST /api/probe/me/notes HTTP/1.1\r\nContent-Type: application/json\r\n" + token,
                "{\"text\":\"far too long a note\"}").problem(400, "VALIDATION_FAILED");
    }

    /**
     * The gateway keeps its connections to a service: Tomcat's default closed each after 100 requests, and under load
     * the gateway's reconnects overflowed the service's queue of connections not yet accepted (dropped connects, 503).
     */
    @Test
    void aConnectionIsKeptForMoreThanAHundredRequests() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI liveness = URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness");
        HttpRequest health = HttpRequest.newBuilder(liveness).build();
        for (int i = 1; i <= 150; i++) {
            HttpResponse<Void> answer = client.send(health, HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Connection")).as("request %d", i).isEmpty();
        }
    }

    private Answer send(String head, String body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String length = body == null ? "" : "Content-Length: " + body.length() + "\r\n";
            socket.getOutputStream().write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + length + "\r\n"
                    + (body == null ? "" : body)).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(String raw) {
        int status() {
            return Integer.parseInt(raw.split(" ", 3)[1]);
        }

        JsonNode json() {
            String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            return JSON.readTree(body.startsWith("{") ? body : body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
        }

        JsonNode problem(int status, String code) {
            assertThat(status()).as(raw).isEqualTo(status);
            assertThat(raw.toLowerCase(java.util.Locale.ROOT)).as(raw).contains("content-type: application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("code").asString()).as(raw).isEqualTo(code);
            assertThat(problem.path("instance").asString()).as(raw).startsWith("/");
            assertThat(problem.path("traceId").asString()).as(raw).matches("[0-9a-f]{32}");
            return problem;
        }
    }
}
