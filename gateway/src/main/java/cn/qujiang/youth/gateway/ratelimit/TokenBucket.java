package cn.qujiang.youth.gateway.ratelimit;

import cn.qujiang.youth.gateway.ratelimit.RateLimits.Verdict;

/** A classic token bucket, refilled continuously; times in nanoseconds from a monotonic clock. */
final class TokenBucket {
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(RateLimitProperties.Limit limit, long now) {
        this.capacity = limit.requests();
        this.tokensPerNano = limit.tokensPerSecond() / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    synchronized Verdict tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
        updatedAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ALLOWED;
        }
        double secondsToNextToken = (1 - tokens) / tokensPerNano / 1e9;
        return new Verdict(false, Math.max(1, (long) Math.ceil(secondsToNextToken)));
    }
}
