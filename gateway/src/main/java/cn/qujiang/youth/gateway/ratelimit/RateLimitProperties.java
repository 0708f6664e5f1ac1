package cn.qujiang.youth.gateway.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets per caller: a signed-in user by {@code sub}, an anonymous caller by client IP, and a stricter
 * bucket for the anonymous eligibility calculator (it evaluates every measure per call). {@code requests} is both
 * the burst and the number refilled evenly over {@code per}. {@code max-keys} bounds the in-memory table; with
 * {@code redis=true} the buckets live in Redis ({@code spring.data.redis.*}) and are shared by all gateway
 * instances.
 */
@ConfigurationProperties("qujiang.rate-limit")
public record RateLimitProperties(boolean redis, int maxKeys, Limit user, Limit anonymous, Limit calculator) {
    public RateLimitProperties {
        maxKeys = maxKeys <= 0 ? 100_000 : maxKeys;
        user = user == null ? new Limit(300, Duration.ofMinutes(1)) : user;
        anonymous = anonymous == null ? new Limit(120, Duration.ofMinutes(1)) : anonymous;
        calculator = calculator == null ? new Limit(20, Duration.ofMinutes(1)) : calculator;
    }

    public record Limit(int requests, Duration per) {
        public Limit {
            if (requests <= 0 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs requests > 0 and a positive period");
            }
        }

        double tokensPerSecond() {
            return requests / (per.toNanos() / 1e9);
        }
    }

    Limit limit(Policy policy) {
        return switch (policy) {
            case USER -> user;
            case ANONYMOUS -> anonymous;
            case CALCULATOR -> calculator;
        };
    }

    Duration longestPeriod() {
        return Stream.of(user, anonymous, calculator).map(Limit::per)
                .max(Duration::compareTo).orElseThrow();
    }

    /** Which bucket a request draws from. */
    public enum Policy { USER, ANONYMOUS, CALCULATOR }
}
