package cn.qujiang.youth.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In-memory buckets by default; Redis-backed buckets with {@code qujiang.rate-limit.redis=true}. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnProperty(name = "qujiang.rate-limit.redis", havingValue = "false", matchIfMissing = true)
    RateLimits inMemoryRateLimits(RateLimitProperties properties) {
        return new InMemoryRateLimits(properties, System::nanoTime);
    }

    @Bean
    @ConditionalOnProperty(name = "qujiang.rate-limit.redis", havingValue = "true")
    RateLimits redisRateLimits(RedisRateLimiter limiter, RateLimitProperties properties) {
        return new RedisRateLimits(limiter, properties);
    }
}
