package cn.qujiang.youth.gateway;

import static cn.qujiang.youth.gateway.GatewayClient.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.infra.Ports;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;

/**
 * A service that is down, slow or failing becomes a fast 503 problem, a burst of calls is served or shed politely
 * without tripping the circuit, and the gateway itself runs while Keycloak is not (yet) reachable: here no
 * Keycloak runs at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qujiang.timeouts.policy=800",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=3",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=3",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s"})
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@ExtendWith(OutputCaptureExtension.class)
class GatewayResilienceIT {
    private static final int NOTHING_LISTENS = Ports.free();
    private static final WireMockServer POLICY = Stubs.service("policy");
    private static final WireMockServer NOTIFICATION = Stubs.service("notification");

    private final int port;
    private final CircuitBreakerRegistry circuitBreakers;
    private GatewayClient gateway;

    GatewayResilienceIT(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) {
        this.port = port;
        this.circuitBreakers = circuitBreakers;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("qujiang.routes.talent", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
        registry.add("qujiang.routes.policy", POLICY::baseUrl);
        registry.add("qujiang.routes.notification", NOTIFICATION::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + Ports.free() + "/realms/qujiang");
    }

    @AfterAll
    static void stopStubs() {
        List.of(POLICY, NOTIFICATION).forEach(WireMockServer::stop);
    }

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
        // every test starts with closed circuits, whatever the one before it tripped
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503WithinTheRouteTimeout() {
        POLICY.stubFor(get(urlEqualTo("/api/policy/measures/SLOW")).willReturn(aResponse().withFixedDelay(5_000)
                .withStatus(200).withBody("{}")));

        long start = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/policy/measures/SLOW", null);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(problem(response)).containsEntry("code", "UPSTREAM_TIMEOUT");
        assertThat(took).isBetween(Duration.ofMillis(750), Duration.ofMillis(3_000));
    }

    @Test
    void aServiceThatIsDownIsAFast503() {
        long start = System.nanoTime();
        HttpResponse<String> response = gateway.get("/v3/api-docs/talent", null, "Accept-Language", "en");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(problem(response)).containsEntry("code", "UPSTREAM_UNAVAILABLE")
                .containsEntry("detail", "The service is not reachable right now; try again shortly.");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aFailingServiceOpensItsCircuitAndIsNoLongerCalled(CapturedOutput output) {
        NOTIFICATION.stubFor(get(urlEqualTo("/v3/api-docs")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failing = gateway.get("/v3/api-docs/notification", null);
            assertThat(failing.statusCode()).isEqualTo(503);
            assertThat(problem(failing)).containsEntry("code", "UPSTREAM_UNAVAILABLE");
        }
        int callsSoFar = NOTIFICATION.getAllServeEvents().size();

        HttpResponse<String> open = gateway.get("/v3/api-docs/notification", null);

        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(problem(open)).containsEntry("code", "CIRCUIT_OPEN");
        // the circuit's configured wait in the open state (60 s here), so clients come back when it may be closed
        assertThat(open.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(NOTIFICATION.getAllServeEvents()).hasSize(callsSoFar);
        gateway.get("/v3/api-docs/notification", null);
        // operations read one line when the circuit opens, not one per request it refuses
        assertThat(output.getOut().lines().filter(line -> line.contains("circuit notification opened")))
                .singleElement().asString().contains("WARN").contains("CLOSED → OPEN");
        assertThat(output.getOut()).doesNotContain("CIRCUIT_OPEN (");
    }

    @Test
    void moreCallsInFlightThanTheOldImplicitBulkheadAreServedOrShedPolitelyAndLeaveTheCircuitClosed() {
        // the policy API-docs route: the policy circuit, but the default 5 s response timeout (not the 800 ms above)
        StubMapping slow = POLICY.stubFor(get(urlEqualTo("/v3/api-docs")).atPriority(1)
                .willReturn(okJson("{\"openapi\":\"3.1.0\"}").withFixedDelay(1_000)));
        List<HttpResponse<String>> answers;
        try {
            answers = concurrently(40, () -> gateway.get("/v3/api-docs/policy", null));
        } finally {
            POLICY.removeStub(slow);
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 429, 503);
            if (answer.statusCode() != 200) {
                assertThat(answer.headers().firstValue("Retry-After")).as(answer.body()).isPresent();
            }
        });
        assertThat(circuitBreakers.circuitBreaker("policy").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        int callsSoFar = POLICY.findAll(getRequestedFor(urlEqualTo("/v3/api-docs"))).size();
        assertThat(gateway.get("/v3/api-docs/policy", null).statusCode()).isEqualTo(200);
        assertThat(POLICY.findAll(getRequestedFor(urlEqualTo("/v3/api-docs")))).hasSize(callsSoFar + 1);
    }

    @Test
    void startsAndServesPublicRoutesWhileKeycloakIsDown() {
        // the docs route has the default 5 s timeout: the policy route's 800 ms is for the slow-service test
        assertThat(gateway.get("/v3/api-docs/policy", null).statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health", null).statusCode()).isEqualTo(200);

        HttpResponse<String> signedIn = gateway.get("/api/policy/me/matches",
                "eyJhbGciOiJSUzI1NiIsImtpZCI6ImtleS0xIn0.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl");
        assertThat(signedIn.statusCode()).isEqualTo(503);
        assertThat(problem(signedIn)).containsEntry("code", "IDENTITY_PROVIDER_UNAVAILABLE");
    }

    /** {@code count} callers at once, each waiting for its answer. */
    private static <T> List<T> concurrently(int count, Supplier<T> call) {
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<T>> calls = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(call, callers)).toList();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            callers.shutdownNow();
        }
    }
}
