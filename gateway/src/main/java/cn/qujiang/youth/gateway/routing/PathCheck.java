package cn.qujiang.youth.gateway.routing;

import cn.qujiang.youth.gateway.web.Problems;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a path whose percent-encoding does not decode to UTF-8 ({@code /api/%C3%28}) with a 400 problem, so
 * it is never forwarded (a service's servlet container answered it with an HTML page), and keeps the normalised
 * path ({@link RequestPaths}) for the filters that decide by path. Right after the trace context, before
 * anything else. Escapes that do not even parse never get here: {@code EmptyErrorBodies} answers those.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class PathCheck implements WebFilter {
    private static final String NORMALISED_PATH = PathCheck.class.getName() + ".path";

    private final Problems problems;

    PathCheck(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> path = RequestPaths.normalised(exchange.getRequest().getPath().value());
        if (path.isEmpty()) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "INVALID_PATH");
        }
        exchange.getAttributes().put(NORMALISED_PATH, path.get());
        return chain.filter(exchange);
    }

    /** The decoded, normalised path of this request (the raw path's normal form if this filter has not run). */
    public static String normalisedPath(ServerWebExchange exchange) {
        String known = exchange.getAttribute(NORMALISED_PATH);
        return known != null ? known
                : RequestPaths.normalised(exchange.getRequest().getPath().value()).orElse("/");
    }
}
