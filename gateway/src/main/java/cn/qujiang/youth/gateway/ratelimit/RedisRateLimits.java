package cn.qujiang.youth.gateway.ratelimit;

import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Limit;
import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Policy;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis through Spring Cloud Gateway's {@link RedisRateLimiter} (an atomic Lua token bucket), so all
 * gateway instances share one limit per caller. Each policy is registered as its own configuration. Like the
 * underlying limiter, it lets requests through when Redis fails: an outage of Redis must not take the API down.
 */
final class RedisRateLimits implements RateLimits {
    private final RedisRateLimiter limiter;
    private final RateLimitProperties properties;

    RedisRateLimits(RedisRateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
        for (Policy policy : Policy.values()) {
            limiter.getConfig().put(policy.name(), config(properties.limit(policy)));
        }
    }

    /**
     * The limiter refills a whole number of tokens per second, while our limits are "n per period": each request
     * costs period-in-seconds tokens and n tokens come back per second, which is n requests per period with a
     * burst of n.
     */
    static RedisRateLimiter.Config config(Limit limit) {
        int costPerRequest = (int) Math.max(1, limit.per().toSeconds());
        return new RedisRateLimiter.Config()
                .setReplenishRate(limit.requests())
                .setBurstCapacity((long) limit.requests() * costPerRequest)
                .setRequestedTokens(costPerRequest);
    }

    @Override
    public Mono<Verdict> acquire(Policy policy, String caller) {
        return limiter.isAllowed(policy.name(), caller).map(response -> response.isAllowed() ? Verdict.ALLOWED
                : new Verdict(false, Math.max(1, (long) Math.ceil(1 / properties.limit(policy).tokensPerSecond()))));
    }
}
