package cn.qujiang.youth.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** What the caller sees for each way a request can fail inside the gateway. */
class ProblemExceptionHandlerTest {
    private static final Duration OPEN_FOR = Duration.ofSeconds(10);

    @Test
    void aDownOrSlowServiceIsA503WithACodeSayingWhich() {
        assertThat(code(new ConnectException("Connection refused"))).isEqualTo("503 UPSTREAM_UNAVAILABLE");
        assertThat(code(new ConnectTimeoutException("connect timed out"))).isEqualTo("503 UPSTREAM_UNAVAILABLE");
        assertThat(code(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer",
                new TimeoutException("Response took longer")))).isEqualTo("503 UPSTREAM_TIMEOUT");
        assertThat(code(new ServiceUnavailableException())).isEqualTo("503 CIRCUIT_OPEN retry after 10");
    }

    @Test
    void tooManyCallsInFlightIsAPolite503NotA500() {
        BulkheadFullException full = BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("talent"));

        assertThat(code(full)).isEqualTo("503 OVERLOADED retry after 1");
        assertThat(code(new IllegalStateException("wrapped", full))).isEqualTo("503 OVERLOADED retry after 1");
    }

    @Test
    void anOpenCircuitTellsTheCallerToComeBackAfterTheCircuitsWait() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("/api/talent/me/matches").header("Accept-Language", "en"));
        ProblemExceptionHandler handler = new ProblemExceptionHandler(
                new Problems(ProblemsTest.messages(), JsonMapper.builder().build()), new WebProperties(null, null, null),
                CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().waitDurationInOpenState(OPEN_FOR).build()));

        handler.handle(exchange, new ServiceUnavailableException()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"code\":\"CIRCUIT_OPEN\"")
                .contains("The service is failing and is being given a short rest; try again in 10 seconds.");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(ProblemExceptionHandler.Failure.retryLater("CIRCUIT_OPEN", Duration.ofMillis(1_500))
                .retryAfterSeconds()).isEqualTo(2L);
        assertThat(ProblemExceptionHandler.Failure.retryLater("OVERLOADED", Duration.ZERO).retryAfterSeconds())
                .isEqualTo(1L);
    }

    @Test
    void keycloakUnreachableIsA503NotA401() {
        assertThat(code(new IllegalStateException("Could not obtain the keys",
                new IdentityProviderUnavailableException("down", new ConnectException("refused")))))
                .isEqualTo("503 IDENTITY_PROVIDER_UNAVAILABLE");
        assertThat(code(new AuthenticationServiceException("boom"))).isEqualTo("503 IDENTITY_PROVIDER_UNAVAILABLE");
    }

    @Test
    void clientErrorsKeepTheirStatus() {
        assertThat(code(new ResponseStatusException(HttpStatus.NOT_FOUND))).isEqualTo("404 NOT_FOUND");
        assertThat(code(new PayloadTooLargeException())).isEqualTo("413 BODY_TOO_LARGE");
        assertThat(code(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)))
                .isEqualTo("405 METHOD_NOT_ALLOWED");
        assertThat(code(new IllegalArgumentException("bug"))).isEqualTo("500 INTERNAL_ERROR");
    }

    private static String code(Throwable error) {
        ProblemExceptionHandler.Failure failure = ProblemExceptionHandler.classify(error, 65536, OPEN_FOR);
        return failure.status().value() + " " + failure.code()
                + (failure.retryAfterSeconds() == null ? "" : " retry after " + failure.retryAfterSeconds());
    }
}
