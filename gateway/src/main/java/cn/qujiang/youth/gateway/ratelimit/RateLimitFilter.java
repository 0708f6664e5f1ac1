package cn.qujiang.youth.gateway.ratelimit;

import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Policy;
import cn.qujiang.youth.gateway.routing.PathCheck;
import cn.qujiang.youth.gateway.web.Problems;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits calls per caller; every request is counted exactly once, whatever its path and however it ends (except
 * the gateway's own health checks).
 * <ul>
 * <li>{@link #beforeSecurity}: a request without an {@code Authorization} header is anonymous, counted by client
 * IP before anything else looks at it (firewall, CORS, body limit, role rules), so refused requests count too.</li>
 * <li>{@link #afterAuthentication}: a request with a valid token, by the token's {@code sub} wherever the user
 * connects from.</li>
 * <li>A request with a token that is refused before it was counted (bad token, firewall) is charged to its IP
 * afterwards.</li>
 * </ul>
 * The anonymous calculator's stricter bucket is chosen on the decoded, normalised path ({@link PathCheck}), so
 * {@code /%61pi/policy/evaluate} is the calculator too. Behind a proxy, set {@code server.forward-headers-strategy}
 * so the IP is the client's. Over the limit: 429 with {@code Retry-After} and a problem body.
 */
public final class RateLimitFilter {
    private static final String CALCULATOR = "/api/policy/evaluate";
    private static final String COUNTED = RateLimitFilter.class.getName() + ".counted";

    private final RateLimits limits;
    private final Problems problems;

    public RateLimitFilter(RateLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    /** Ordered before Spring Security's filter chain. */
    public WebFilter beforeSecurity() {
        return (exchange, chain) -> {
            if (isOwnHealth(exchange) || CorsUtils.isPreFlightRequest(exchange.getRequest())) {
                // A browser's CORS preflight carries no token and is answered by the gateway alone; counted by
                // address, every resident behind one address would spend the anonymous bucket before their call, and
                // a 429 without CORS headers reads in the app as "no network".
                return chain.filter(exchange);
            }
            if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                return admit(exchange, chain, anonymousPolicy(exchange), clientAddress(exchange.getRequest()));
            }
            return chain.filter(exchange).doFinally(signal -> {
                if (!Boolean.TRUE.equals(exchange.getAttribute(COUNTED))) {
                    limits.acquire(anonymousPolicy(exchange), clientAddress(exchange.getRequest())).subscribe();
                }
            });
        };
    }

    /** Placed after authentication, before the role rules. */
    public WebFilter afterAuthentication() {
        return (exchange, chain) -> {
            if (Boolean.TRUE.equals(exchange.getAttribute(COUNTED))) {
                return chain.filter(exchange);
            }
            // Decided before admitting: admit's Mono<Void> completes empty, so a switchIfEmpty after it would charge
            // every signed-in request to its address as well (and run the rest of the chain a second time).
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(JwtAuthenticationToken.class::isInstance)
                    .map(Authentication::getName)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(subject -> subject.isPresent()
                            ? admit(exchange, chain, Policy.USER, subject.get())
                            : admit(exchange, chain, anonymousPolicy(exchange), clientAddress(exchange.getRequest())));
        };
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, Policy policy, String caller) {
        exchange.getAttributes().put(COUNTED, Boolean.TRUE);
        return limits.acquire(policy, caller).flatMap(verdict -> verdict.allowed() ? chain.filter(exchange)
                : problems.writeRetryLater(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                        verdict.retryAfterSeconds()));
    }

    /**
     * The gateway's own health, which load balancers and the local stack poll from one address (every 500 ms while
     * it starts: the whole anonymous bucket in a minute); answered by the gateway alone, nothing behind it.
     */
    private static boolean isOwnHealth(ServerWebExchange exchange) {
        String path = PathCheck.normalisedPath(exchange);
        return HttpMethod.GET.equals(exchange.getRequest().getMethod())
                && (path.equals("/actuator/health") || path.startsWith("/actuator/health/"));
    }

    static Policy anonymousPolicy(ServerWebExchange exchange) {
        return HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && CALCULATOR.equals(PathCheck.normalisedPath(exchange)) ? Policy.CALCULATOR : Policy.ANONYMOUS;
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
