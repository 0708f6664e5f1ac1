package cn.qujiang.youth.gateway.ratelimit;

import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Policy;
import reactor.core.publisher.Mono;

/** Takes one token from a caller's bucket; in memory or in Redis. */
public interface RateLimits {

    Mono<Verdict> acquire(Policy policy, String caller);

    /** Whether the request may pass; if not, after how many whole seconds a token is back. */
    record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }
}
