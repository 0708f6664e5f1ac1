package cn.qujiang.youth.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.gateway.GatewayClient.RawResponse;
import cn.qujiang.youth.infra.Ports;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Paths and headers as an attacker or a broken client sends them: limits chosen on the path the service will
 * read, every request counted, and refusals the gateway gives before any filter runs still problem+json. Each
 * test calls from a loopback address of its own, so each has its own anonymous buckets. No Keycloak needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qujiang.rate-limit.anonymous.requests=5", "qujiang.rate-limit.anonymous.per=1m",
        "qujiang.rate-limit.calculator.requests=2", "qujiang.rate-limit.calculator.per=1m"})
class GatewayEdgeIT {
    private static final WireMockServer SERVICES = Stubs.service("policy");

    @LocalServerPort
    int port;
    GatewayClient gateway;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("qujiang.routes.talent", SERVICES::baseUrl);
        registry.add("qujiang.routes.policy", SERVICES::baseUrl);
        registry.add("qujiang.routes.notification", SERVICES::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + Ports.free() + "/realms/qujiang");
    }

    @AfterAll
    static void stopStubs() {
        SERVICES.stop();
    }

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
        SERVICES.resetRequests();
    }

    @Test
    void anEncodedLetterDoesNotEscapeTheCalculatorsLimit() {
        String from = "127.0.0.11";
        assertThat(post(from, "/%61pi/policy/evaluate").status()).isEqualTo(200);
        assertThat(post(from, "/api/policy/%65valuate").status()).isEqualTo(200);

        RawResponse limited = post(from, "/api/policy/evaluate");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problem()).containsEntry("code", "RATE_LIMITED");
        // the ordinary anonymous bucket is another one
        assertThat(gateway.raw(from, "GET /api/policy/measures HTTP/1.1", null).status()).isEqualTo(200);
    }

    @Test
    void requestsRefusedBeforeTheLimiterAreCountedToo() {
        String from = "127.0.0.12";
        RawResponse doubleSlash = post(from, "/api//policy/./evaluate");
        assertThat(doubleSlash.status()).isEqualTo(400);
        assertThat(doubleSlash.problem()).containsEntry("code", "REQUEST_REJECTED");
        assertThat(post(from, "/api/policy/evaluate;x=1").status()).isEqualTo(400);

        assertThat(post(from, "/api/policy/evaluate").status()).isEqualTo(429);
        SERVICES.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void everyPathIsCountedNotOnlyTheApi() {
        String from = "127.0.0.13";
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.raw(from, "GET /internal/contacts/" + i + " HTTP/1.1", null).status()).isEqualTo(404);
        }
        assertThat(gateway.raw(from, "GET /api/policy/measures HTTP/1.1", null).status()).isEqualTo(429);
    }

    /** A browser's preflight carries no token; counted by address it would use up the bucket of the call after it. */
    @Test
    void corsPreflightsDoNotSpendTheAnonymousBucket() {
        String from = "127.0.0.14";
        for (int i = 0; i < 8; i++) {
            RawResponse preflight = gateway.raw(from, "OPTIONS /api/policy/measures HTTP/1.1\r\nOrigin: http://localhost:5173"
                    + "\r\nAccess-Control-Request-Method: GET", null);
            assertThat(preflight.status()).isNotEqualTo(429);
        }
        assertThat(gateway.raw(from, "GET /api/policy/measures HTTP/1.1", null).status()).isEqualTo(200);
    }

    @Test
    void pathsThatDoNotDecodeAreRefusedByTheGatewayAsProblems() {
        String from = "127.0.0.14";
        for (String path : new String[] {"/api/policy/%zz", "/api/policy/%C3%28", "/api/policy/%E4%B8",
                "/api/policy/measures/\u00ff"}) {
            RawResponse refused = gateway.raw(from, "GET " + path + " HTTP/1.1", null);

            assertThat(refused.status()).as(path).isEqualTo(400);
            Map<String, Object> problem = refused.problem();
            assertThat(problem).as(path).containsEntry("code", "INVALID_PATH")
                    .containsEntry("detail", "请求地址编码不正确（应为 UTF-8 的百分号编码）。")
                    .containsKeys("instance", "traceId");
        }
        SERVICES.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tooLongAddressesAndHeadersAreProblemsToo() {
        String from = "127.0.0.15";
        RawResponse longUri = gateway.raw(from, "GET /api/policy/measures?q=" + "a".repeat(9000) + " HTTP/1.1", null);
        assertThat(longUri.status()).isEqualTo(414);
        assertThat(longUri.problem()).containsEntry("code", "URI_TOO_LONG").containsEntry("detail", "请求地址过长。")
                .containsKeys("instance", "traceId");

        RawResponse bigHeaders = gateway.raw(from, "GET /api/policy/measures HTTP/1.1\r\nX-Padding: "
                + "b".repeat(20_000), null);
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.problem()).containsEntry("code", "HEADERS_TOO_LARGE").containsKey("traceId");
    }

    @Test
    void aMalformedOriginIsARefusalNotAFailure() {
        RawResponse refused = gateway.raw("127.0.0.16", "GET /api/policy/measures HTTP/1.1\r\nOrigin: http://[::1",
                null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problem()).containsEntry("code", "CORS_REJECTED");
    }

    private RawResponse post(String from, String path) {
        return gateway.raw(from, "POST " + path + " HTTP/1.1", "{}");
    }
}
