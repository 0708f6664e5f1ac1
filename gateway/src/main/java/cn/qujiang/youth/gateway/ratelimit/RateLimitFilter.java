package cn.qujiang.youth.gateway.ratelimit;

import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Policy;
import cn.qujiang.youth.gateway.web.Problems;
import java.net.InetSocketAddress;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits API calls per caller: after authentication (so a signed-in user is counted by {@code sub} wherever they
 * connect from) and before the role rules. Anonymous callers are counted by client IP; behind a proxy, set
 * {@code server.forward-headers-strategy} so the IP is the client's, not the proxy's. Over the limit: 429 with
 * {@code Retry-After} and a problem body.
 */
public class RateLimitFilter implements WebFilter {
    private static final String CALCULATOR = "/api/policy/evaluate";

    private final RateLimits limits;
    private final Problems problems;

    public RateLimitFilter(RateLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(Authentication::getName)
                .flatMap(subject -> limits.acquire(Policy.USER, subject))
                .switchIfEmpty(Mono.defer(() -> limits.acquire(anonymousPolicy(exchange.getRequest()),
                        clientAddress(exchange.getRequest()))))
                .flatMap(verdict -> {
                    if (verdict.allowed()) {
                        return chain.filter(exchange);
                    }
                    return problems.writeRetryLater(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                            verdict.retryAfterSeconds());
                });
    }

    private static Policy anonymousPolicy(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod()) && CALCULATOR.equals(request.getPath().value())
                ? Policy.CALCULATOR : Policy.ANONYMOUS;
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
