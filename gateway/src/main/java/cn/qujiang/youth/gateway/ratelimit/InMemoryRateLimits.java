package cn.qujiang.youth.gateway.ratelimit;

import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Policy;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Buckets in this JVM, at most {@code max-keys} of them. A bucket idle for the longest period is full again, so
 * dropping it loses nothing; under a flood of distinct callers the least recently used are dropped first (those
 * callers then start with a full bucket, a bounded leniency that keeps memory bounded).
 */
final class InMemoryRateLimits implements RateLimits {
    private final RateLimitProperties properties;
    private final LongSupplier nanoClock;
    private final Cache<String, TokenBucket> buckets;

    InMemoryRateLimits(RateLimitProperties properties, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxKeys())
                .expireAfterAccess(properties.longestPeriod())
                .build();
    }

    @Override
    public Mono<Verdict> acquire(Policy policy, String caller) {
        return Mono.fromSupplier(() -> {
            long now = nanoClock.getAsLong();
            return buckets.get(policy + ":" + caller, key -> new TokenBucket(properties.limit(policy), now))
                    .tryTake(now);
        });
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
