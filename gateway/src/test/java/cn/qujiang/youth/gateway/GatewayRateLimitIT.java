package cn.qujiang.youth.gateway;

import static cn.qujiang.youth.gateway.GatewayClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.infra.KeycloakTokens;
import cn.qujiang.youth.infra.TestInfrastructure;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Per-caller limits with small numbers: a signed-in user by token subject, anonymous callers by IP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qujiang.rate-limit.user.requests=3", "qujiang.rate-limit.user.per=1m",
        "qujiang.rate-limit.anonymous.requests=5", "qujiang.rate-limit.anonymous.per=1m",
        "qujiang.rate-limit.calculator.requests=2", "qujiang.rate-limit.calculator.per=1m"})
class GatewayRateLimitIT {
    private static final WireMockServer SERVICES = Stubs.service("any");

    @LocalServerPort
    int port;
    GatewayClient gateway;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("qujiang.routes.talent", SERVICES::baseUrl);
        registry.add("qujiang.routes.policy", SERVICES::baseUrl);
        registry.add("qujiang.routes.notification", SERVICES::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> TestInfrastructure.keycloak().issuerUri());
    }

    @AfterAll
    static void stopStubs() {
        SERVICES.stop();
    }

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    @Test
    void limitsEachSignedInUserOnTheirOwn() {
        KeycloakTokens tokens = TestInfrastructure.keycloak().tokens();
        String first = tokens.password("applicant1", "Applicant1pass");
        String second = tokens.password("applicant2", "Applicant2pass");
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.get("/api/talent/me/profile", first).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = gateway.get("/api/talent/me/profile", first, "Accept-Language", "en");

        assertThat(limited.statusCode()).isEqualTo(429);
        // One request back every 20 s; on a slow machine the three before took a second or two of that.
        int retryAfter = Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(15, 20);
        assertThat(problem(limited)).containsEntry("code", "RATE_LIMITED")
                .containsEntry("detail", "Too many requests; try again in " + retryAfter + " seconds.");
        // another user, even from the same address, has a bucket of their own
        assertThat(gateway.get("/api/talent/me/profile", second).statusCode()).isEqualTo(200);
    }

    /** From a loopback address of its own: the other test's calls from 127.0.0.1 must not share its buckets. */
    @Test
    void theAnonymousCalculatorHasAStricterLimitThanOtherAnonymousCalls() {
        String from = "127.0.0.31";
        for (int i = 0; i < 2; i++) {
            assertThat(gateway.raw(from, "POST /api/policy/evaluate HTTP/1.1", "{}").status()).isEqualTo(200);
        }
        GatewayClient.RawResponse limited = gateway.raw(from, "POST /api/policy/evaluate HTTP/1.1", "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers()).containsEntry("retry-after", "30");
        assertThat(limited.problem()).containsEntry("code", "RATE_LIMITED");

        assertThat(gateway.raw(from, "GET /api/policy/measures HTTP/1.1", null).status()).isEqualTo(200);
    }

    /**
     * Residents behind one NAT address: signed-in calls are counted by their user alone, never also in that address's
     * anonymous bucket, so together they may call more often than the anonymous limit allows; anonymous callers
     * from the same address are still held to it.
     */
    @Test
    void signedInCallsFromOneAddressDoNotSpendItsAnonymousBucket() {
        String from = "127.0.0.32";
        KeycloakTokens tokens = TestInfrastructure.keycloak().tokens();
        int signedIn = 0;
        for (int resident = 0; resident < 2; resident++) {
            String username = "nat-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            TestInfrastructure.keycloak().admin().createApplicant(username, "Natresident1pass", username + "@example.com");
            String token = tokens.password(username, "Natresident1pass");
            for (int i = 0; i < 3; i++) {
                assertThat(gateway.raw(from, "GET /api/talent/me/profile HTTP/1.1\r\nAuthorization: Bearer " + token,
                        null).status()).isEqualTo(200);
                signedIn++;
            }
        }
        assertThat(signedIn).as("more than the anonymous limit of 5").isGreaterThan(5);

        for (int i = 0; i < 5; i++) {
            assertThat(gateway.raw(from, "GET /api/policy/measures HTTP/1.1", null).status())
                    .as("anonymous call %d from the same address", i + 1).isEqualTo(200);
        }
        GatewayClient.RawResponse limited = gateway.raw(from, "GET /api/policy/measures HTTP/1.1", null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problem()).containsEntry("code", "RATE_LIMITED");
    }
}
