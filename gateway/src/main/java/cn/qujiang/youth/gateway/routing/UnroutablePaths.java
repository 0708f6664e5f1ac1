package cn.qujiang.youth.gateway.routing;

import cn.qujiang.youth.gateway.web.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Service-to-service APIs ({@code /internal/**}) and the services' actuator endpoints are never reachable from
 * outside, whatever the route predicates say and whoever asks: 404, as if they did not exist (a 401/403 would
 * confirm they do). Runs inside the security chain, after Spring Security's firewall has refused non-normalised
 * paths ({@code ..}, encoded slashes), so a plain pattern match cannot be tricked.
 */
public class UnroutablePaths implements WebFilter {
    private static final List<PathPattern> BLOCKED = List.of(
            PathPatternParser.defaultInstance.parse("/internal/**"),
            PathPatternParser.defaultInstance.parse("/api/*/internal/**"),
            PathPatternParser.defaultInstance.parse("/api/*/actuator/**"));

    private final Problems problems;

    public UnroutablePaths(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (BLOCKED.stream().anyMatch(pattern -> pattern.matches(path))) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "NOT_FOUND");
        }
        return chain.filter(exchange);
    }
}
