package cn.qujiang.youth.gateway.web;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every failure that reaches the top of the gateway into a problem response. A downstream that is down,
 * slow or behind an open circuit becomes a fast 503 with a code telling which, so clients can retry sensibly;
 * Keycloak being unreachable is a 503 too, not a misleading 401. A refusal for capacity (circuit open, bulkhead
 * full) also says when to come back ({@code Retry-After}). Ordered before Boot's default error handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    /**
     * A full bulkhead frees a permit as soon as one call in flight ends. Only reachable with
     * {@code spring.cloud.circuitbreaker.bulkhead.resilience4j.enabled=true} (off, see application.yml).
     */
    static final Duration BULKHEAD_RETRY_AFTER = Duration.ofSeconds(1);

    private final Problems problems;
    private final long maxBodyBytes;
    private final Duration openCircuitRetryAfter;

    ProblemExceptionHandler(Problems problems, WebProperties properties, CircuitBreakerRegistry circuitBreakers) {
        this.problems = problems;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        this.openCircuitRetryAfter = openCircuitRetryAfter(circuitBreakers.getDefaultConfig());
    }

    /**
     * The circuits' whole wait in the open state, not the time left: the gateway's "circuit open" error does not
     * say which circuit, and the whole wait spreads the callers' retries over the next window instead of sending
     * them all at the moment the circuit lets its few half-open probes through.
     */
    static Duration openCircuitRetryAfter(CircuitBreakerConfig config) {
        return Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Failure failure = classify(error, maxBodyBytes, openCircuitRetryAfter);
        // error handlers run outside the filter chain's reactive context: set the trace id by hand
        if (failure.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
            Correlation.withTraceId(exchange, () -> log.error("{} {} failed", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), error));
        } else if (failure.status().is5xxServerError() && failure.retryAfterSeconds() == null) {
            Correlation.withTraceId(exchange, () -> log.warn("{} {} failed: {} ({})",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), failure.code(),
                    rootMessage(error)));
        }
        // a refusal for capacity (circuit open, too many in flight) is logged once per circuit state change
        // (CircuitTransitions) and in the access log, not once more per request
        if (failure.retryAfterSeconds() != null) {
            return problems.writeRetryLater(exchange, failure.status(), failure.code(), failure.retryAfterSeconds());
        }
        return problems.write(exchange, failure.status(), failure.code(), failure.args());
    }

    /** What the caller is told; {@code retryAfterSeconds} only for a refusal worth repeating as is. */
    record Failure(HttpStatus status, String code, Object[] args, Long retryAfterSeconds) {
        static Failure of(HttpStatus status, String code, Object... args) {
            return new Failure(status, code, args, null);
        }

        /** Refused for capacity: nothing is wrong with the request, send it again after {@code retryAfter}. */
        static Failure retryLater(String code, Duration retryAfter) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000); // Retry-After takes whole seconds
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, code, new Object[] {seconds}, seconds);
        }
    }

    static Failure classify(Throwable error, long maxBodyBytes, Duration openCircuitRetryAfter) {
        if (hasCause(error, PayloadTooLargeException.class)) {
            return Failure.of(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", maxBodyBytes);
        }
        if (hasCause(error, IdentityProviderUnavailableException.class)
                || error instanceof AuthenticationServiceException) {
            return Failure.of(HttpStatus.SERVICE_UNAVAILABLE, "IDENTITY_PROVIDER_UNAVAILABLE");
        }
        if (error instanceof ServiceUnavailableException) {
            // thrown by the circuit breaker filter when the circuit is open: the service is not even tried
            return Failure.retryLater("CIRCUIT_OPEN", openCircuitRetryAfter);
        }
        if (hasCause(error, BulkheadFullException.class)) {
            // too many calls to one service in flight: the service was not tried and is not failing
            return Failure.retryLater("OVERLOADED", BULKHEAD_RETRY_AFTER);
        }
        if (hasCause(error, TimeoutException.class) || hasCause(error, java.util.concurrent.TimeoutException.class)
                || error instanceof ResponseStatusException timeout && timeout.getStatusCode().value() == 504) {
            // 503 rather than 504: to the caller a service too slow to answer is a service unavailable right now
            return Failure.of(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_TIMEOUT");
        }
        if (hasCause(error, IOException.class)) {
            // connection refused, connect timeout, unknown host, connection closed early by the service
            return Failure.of(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE");
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
            if (resolved == null) {
                return Failure.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");
            }
            return switch (resolved) {
                case NOT_FOUND -> Failure.of(resolved, "NOT_FOUND");
                case METHOD_NOT_ALLOWED -> Failure.of(resolved, "METHOD_NOT_ALLOWED");
                case UNSUPPORTED_MEDIA_TYPE -> Failure.of(resolved, "UNSUPPORTED_MEDIA_TYPE");
                case NOT_ACCEPTABLE -> Failure.of(resolved, "NOT_ACCEPTABLE");
                case CONTENT_TOO_LARGE -> Failure.of(resolved, "BODY_TOO_LARGE", maxBodyBytes);
                case SERVICE_UNAVAILABLE -> Failure.of(resolved, "UPSTREAM_UNAVAILABLE");
                default -> resolved.is4xxClientError() ? Failure.of(resolved, "BAD_REQUEST")
                        : Failure.of(resolved, "INTERNAL_ERROR");
            };
        }
        return Failure.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
