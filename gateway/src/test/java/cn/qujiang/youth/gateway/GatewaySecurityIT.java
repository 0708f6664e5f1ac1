package cn.qujiang.youth.gateway;

import static cn.qujiang.youth.gateway.GatewayClient.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.infra.KeycloakTokens;
import cn.qujiang.youth.infra.TestInfrastructure;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway against the real Keycloak realm and stub services: who may call what, which tokens are refused,
 * what never gets routed, and the cross-cutting behaviour a browser or app notices (CORS, body limit, trace ids,
 * problem bodies, security headers, API docs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewaySecurityIT {
    private static final WireMockServer TALENT = Stubs.service("talent");
    private static final WireMockServer POLICY = Stubs.service("policy");
    private static final WireMockServer NOTIFICATION = Stubs.service("notification");
    private static final String ALLOWED_ORIGIN = "http://localhost:5173";

    private static String applicant;
    private static String hrOfficer;
    private static String policyAdmin;

    @LocalServerPort
    int port;
    GatewayClient gateway;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("qujiang.routes.talent", TALENT::baseUrl);
        registry.add("qujiang.routes.policy", POLICY::baseUrl);
        registry.add("qujiang.routes.notification", NOTIFICATION::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> TestInfrastructure.keycloak().issuerUri());
        // the short-lived test token lives 2 s: without skew, it is rejected as soon as it expires
        registry.add("qujiang.security.clock-skew", () -> "0s");
    }

    @BeforeAll
    static void signIn() {
        KeycloakTokens tokens = TestInfrastructure.keycloak().tokens();
        applicant = tokens.password("applicant1", "Applicant1pass");
        hrOfficer = tokens.password("hr1", "Hrofficer1pass");
        policyAdmin = tokens.password("admin1", "Policyadmin1pass");
    }

    @AfterAll
    static void stopStubs() {
        List.of(TALENT, POLICY, NOTIFICATION).forEach(WireMockServer::stop);
    }

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
        List.of(TALENT, POLICY, NOTIFICATION).forEach(WireMockServer::resetRequests);
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {2}, applicant {3}, hr-officer {4}, policy-admin {5}")
    @CsvSource(textBlock = """
            GET,    /api/policy/measures,                         200, 200, 200, 200
            GET,    /api/policy/measures/QJY-01,                  200, 200, 200, 200
            GET,    /api/policy/measures/QJY-01/eligible,         401, 403, 200, 403
            GET,    /api/policy/vocabulary,                       200, 200, 200, 200
            POST,   /api/policy/vocabulary,                       401, 200, 200, 200
            POST,   /api/policy/evaluate,                         200, 200, 200, 200
            POST,   /api/policy/measures,                         401, 200, 200, 200
            GET,    /api/talent/me/profile,                       401, 200, 403, 403
            PUT,    /api/talent/me/profile,                       401, 200, 403, 403
            DELETE, /api/talent/me,                               401, 200, 403, 403
            POST,   /api/talent/me/applications,                  401, 200, 403, 403
            GET,    /api/policy/me/matches,                       401, 200, 403, 403
            GET,    /api/notifications/me/inbox,                  401, 200, 403, 403
            GET,    /api/talent/review/applications,              401, 403, 200, 403
            POST,   /api/talent/review/applications/a-1/decision, 401, 403, 200, 403
            GET,    /api/notifications/admin/deliveries,          401, 403, 200, 403
            POST,   /api/policy/admin/measures,                   401, 403, 403, 200
            PUT,    /api/policy/admin/measures/QJY-01/draft,      401, 403, 403, 200
            GET,    /api/talent/statistics/uptake,                401, 403, 200, 200
            GET,    /api/talent/applications/a-1,                 401, 200, 200, 200
            GET,    /internal/contacts/a-1,                       404, 404, 404, 404
            GET,    /api/talent/internal/contacts/a-1,            404, 404, 404, 404
            POST,   /api/notifications/internal/send,             404, 404, 404, 404
            GET,    /api/policy/actuator/health,                  404, 404, 404, 404
            GET,    /api/nowhere,                                 401, 404, 404, 404
            """)
    void allowsAndDeniesByRole(String method, String path, int anonymous, int asApplicant, int asHrOfficer,
            int asPolicyAdmin) {
        Map<String, Integer> expected = Map.of("anonymous", anonymous, "applicant", asApplicant,
                "hr-officer", asHrOfficer, "policy-admin", asPolicyAdmin);
        Map<String, String> tokens = Map.of("applicant", applicant, "hr-officer", hrOfficer,
                "policy-admin", policyAdmin); // anonymous: no entry, no token
        expected.forEach((who, status) -> {
            HttpResponse<String> response = gateway.call(method, path, tokens.get(who), "{}");
            assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, who, response.body())
                    .isEqualTo(status);
            if (status == 200) {
                String service = path.split("/")[2].replace("notifications", "notification");
                assertThat(GatewayClient.json(response).path("service").asString()).isEqualTo(service);
            } else {
                String code = Map.of(401, "UNAUTHENTICATED", 403, "FORBIDDEN", 404, "NOT_FOUND").get(status);
                assertThat(problem(response)).containsEntry("code", code).containsEntry("status", status);
            }
        });
        if (anonymous == 404) {
            List.of(TALENT, POLICY, NOTIFICATION).forEach(stub ->
                    assertThat(stub.findAll(anyRequestedFor(urlPathEqualTo(path)))).isEmpty());
        }
    }

    /** The app waits up to 20 s for its results after a save: that route's timeout is not the other talent routes' 5 s. */
    @Test
    void theAppsWaitForItsResultsIsNotCutAtTheTimeoutOfOtherTalentCalls() {
        StubMapping slow = TALENT.stubFor(get(urlPathEqualTo("/api/talent/me/matches/status")).willReturn(aResponse()
                .withFixedDelay(6_000).withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"current\":true}")));
        try {
            HttpResponse<String> answered = gateway.get("/api/talent/me/matches/status?version=2&waitSeconds=20",
                    applicant);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("\"current\":true");
        } finally {
            TALENT.removeStub(slow);
        }
    }

    @Test
    void forwardsTheBearerTokenAndTheTraceContext(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = gateway.get("/api/talent/me/profile", applicant,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("traceparent")).get().asString().contains(traceId);
        LoggedRequest received = TALENT.findAll(getRequestedFor(urlEqualTo("/api/talent/me/profile"))).get(0);
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + applicant);
        assertThat(received.getHeader("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .isNotEqualTo("00-" + traceId + "-00f067aa0ba902b7-01");
        // The access line of this request carries the caller's trace id. (Only this request's line is looked at:
        // the line of an earlier test's request may still be written while this one runs.)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines())
                .anyMatch(line -> line.contains("GET /api/talent/me/profile 200")
                        && line.contains("\"traceId\":\"" + traceId + "\"")));
    }

    @Test
    void startsATraceWhenTheCallerHasNone() {
        HttpResponse<String> response = gateway.get("/api/policy/measures", null);

        String traceparent = response.headers().firstValue("traceparent").orElseThrow();
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        LoggedRequest received = POLICY.findAll(getRequestedFor(urlEqualTo("/api/policy/measures"))).get(0);
        assertThat(received.getHeader("traceparent")).startsWith(traceparent.substring(0, 36));
    }

    @Test
    void refusesAnExpiredToken() {
        KeycloakTokens tokens = TestInfrastructure.keycloak().tokens();
        // the token lives 2 s: on a busy machine the first try may already be too late, so take a fresh one
        String shortLived = await().atMost(Duration.ofSeconds(30)).until(() -> {
            String token = tokens.password(KeycloakTokens.SHORT_LIVED_CLIENT, "applicant1", "Applicant1pass");
            return gateway.get("/api/talent/me/profile", token).statusCode() == 200 ? token : null;
        }, Objects::nonNull);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/talent/me/profile", shortLived).statusCode() == 401);
        HttpResponse<String> expired = gateway.get("/api/talent/me/profile", shortLived);
        assertThat(problem(expired)).containsEntry("code", "INVALID_TOKEN");
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void refusesATamperedToken() {
        String[] parts = applicant.split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + parts[1] + "." + new String(signature);

        assertRefused(tampered);
    }

    @Test
    void refusesATokenWithAlteredClaims() {
        String[] parts = applicant.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"applicant\"", "\"policy-admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes()) + "." + parts[2];

        assertRefused(forged);
    }

    @Test
    void refusesATokenFromAnotherIssuer() throws Exception {
        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID("foreign").generate();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(),
                new JWTClaimsSet.Builder().issuer("http://127.0.0.1:1/realms/qujiang").audience("youth-api")
                        .subject("intruder").expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .claim("realm_access", Map.of("roles", List.of("policy-admin"))).build());
        token.sign(new RSASSASigner(foreignKey));

        assertRefused(token.serialize());
    }

    @Test
    void refusesATokenWithoutTheApiAudience() {
        String noAudience = TestInfrastructure.keycloak().tokens()
                .password(KeycloakTokens.NO_AUDIENCE_CLIENT, "applicant1", "Applicant1pass");
        assertRefused(noAudience);
    }

    private void assertRefused(String token) {
        HttpResponse<String> response = gateway.get("/api/talent/me/profile", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problem(response)).containsEntry("code", "INVALID_TOKEN");
        assertThat(TALENT.findAll(anyRequestedFor(urlPathEqualTo("/api/talent/me/profile")))).isEmpty();
    }

    @Test
    void rejectsAnOversizedBodyBeforeTheService() {
        String big = "{\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> declared = gateway.call("POST", "/api/policy/evaluate", null, big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(problem(declared)).containsEntry("code", "BODY_TOO_LARGE");

        HttpResponse<String> chunked = gateway.send(gateway.builder("/api/policy/evaluate", null,
                "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(problem(chunked)).containsEntry("code", "BODY_TOO_LARGE");

        assertThat(gateway.call("POST", "/api/policy/evaluate", null, "{\"age\":25}").statusCode()).isEqualTo(200);
    }

    @Test
    void answersCorsPreflightForAllowedOriginsOnly() {
        HttpResponse<String> allowed = gateway.send(gateway.builder("/api/talent/me/profile", null,
                "Origin", ALLOWED_ORIGIN, "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT");

        HttpResponse<String> denied = gateway.send(gateway.builder("/api/talent/me/profile", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "PUT")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(problem(denied)).containsEntry("code", "CORS_REJECTED");
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(TALENT.getAllServeEvents()).isEmpty();

        HttpResponse<String> actual = gateway.get("/api/policy/measures", null, "Origin", ALLOWED_ORIGIN);
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED_ORIGIN);
    }

    @Test
    void errorsAreProblemsInTheCallersLanguageWithSecurityHeaders() {
        HttpResponse<String> chinese = gateway.get("/api/talent/me/profile", null);
        HttpResponse<String> english = gateway.get("/api/talent/me/profile", null, "Accept-Language", "en-GB,en;q=0.9");

        assertThat(problem(chinese)).containsEntry("detail", "请先登录：此操作需要有效的访问令牌。")
                .containsEntry("title", "未认证").containsKey("traceId");
        assertThat(problem(english)).containsEntry("detail", "Sign in: this needs a valid access token.");
        assertThat(english.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(english.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(english.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
    }

    @Test
    void onePlaceForEveryServicesApiDescription() {
        HttpResponse<String> talentDocs = gateway.get("/v3/api-docs/talent", null);
        assertThat(talentDocs.statusCode()).isEqualTo(200);
        assertThat(TALENT.findAll(getRequestedFor(urlEqualTo("/v3/api-docs")))).hasSize(1);
        assertThat(gateway.get("/v3/api-docs/notification", null).statusCode()).isEqualTo(200);
        assertThat(NOTIFICATION.findAll(getRequestedFor(urlEqualTo("/v3/api-docs")))).hasSize(1);

        HttpResponse<String> config = gateway.get("/v3/api-docs/swagger-config", null);
        assertThat(config.body()).contains("/v3/api-docs/talent", "/v3/api-docs/policy", "/v3/api-docs/notification");
        HttpResponse<String> ui = gateway.get("/swagger-ui.html", null);
        assertThat(ui.statusCode()).isEqualTo(302);
        String location = URI.create(ui.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(gateway.get(location, null).body()).contains("swagger-ui");
    }

    @Test
    void reportsItsOwnHealth() {
        HttpResponse<String> health = gateway.get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
