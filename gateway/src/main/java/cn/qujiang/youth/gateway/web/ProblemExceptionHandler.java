package cn.qujiang.youth.gateway.web;

import java.io.IOException;
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
 * Keycloak being unreachable is a 503 too, not a misleading 401. Ordered before Boot's default error handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final Problems problems;
    private final long maxBodyBytes;

    ProblemExceptionHandler(Problems problems, WebProperties properties) {
        this.problems = problems;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Failure failure = classify(error, maxBodyBytes);
        // error handlers run outside the filter chain's reactive context: set the trace id by hand
        if (failure.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
            Correlation.withTraceId(exchange, () -> log.error("{} {} failed", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), error));
        } else if (failure.status().is5xxServerError()) {
            Correlation.withTraceId(exchange, () -> log.warn("{} {} failed: {} ({})",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), failure.code(),
                    rootMessage(error)));
        }
        return problems.write(exchange, failure.status(), failure.code(), failure.args());
    }

    record Failure(HttpStatus status, String code, Object... args) {
    }

    static Failure classify(Throwable error, long maxBodyBytes) {
        if (hasCause(error, PayloadTooLargeException.class)) {
            return new Failure(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", maxBodyBytes);
        }
        if (hasCause(error, IdentityProviderUnavailableException.class)
                || error instanceof AuthenticationServiceException) {
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "IDENTITY_PROVIDER_UNAVAILABLE");
        }
        if (error instanceof ServiceUnavailableException) {
            // thrown by the circuit breaker filter when the circuit is open: the service is not even tried
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "CIRCUIT_OPEN");
        }
        if (hasCause(error, TimeoutException.class) || hasCause(error, java.util.concurrent.TimeoutException.class)
                || error instanceof ResponseStatusException timeout && timeout.getStatusCode().value() == 504) {
            // 503 rather than 504: to the caller a service too slow to answer is a service unavailable right now
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_TIMEOUT");
        }
        if (hasCause(error, IOException.class)) {
            // connection refused, connect timeout, unknown host, connection closed early by the service
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE");
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
            if (resolved == null) {
                return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");
            }
            return switch (resolved) {
                case NOT_FOUND -> new Failure(resolved, "NOT_FOUND");
                case METHOD_NOT_ALLOWED -> new Failure(resolved, "METHOD_NOT_ALLOWED");
                case UNSUPPORTED_MEDIA_TYPE -> new Failure(resolved, "UNSUPPORTED_MEDIA_TYPE");
                case CONTENT_TOO_LARGE -> new Failure(resolved, "BODY_TOO_LARGE", maxBodyBytes);
                case SERVICE_UNAVAILABLE -> new Failure(resolved, "UPSTREAM_UNAVAILABLE");
                default -> resolved.is4xxClientError() ? new Failure(resolved, "BAD_REQUEST")
                        : new Failure(resolved, "INTERNAL_ERROR");
            };
        }
        return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR");
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
