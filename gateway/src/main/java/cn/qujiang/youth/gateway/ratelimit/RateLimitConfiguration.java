package cn.qujiang.youth.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;
import cn.qujiang.youth.gateway.web.Problems;

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

    @Bean
    RateLimitFilter rateLimitFilter(RateLimits limits, Problems problems) {
        return new RateLimitFilter(limits, problems);
    }

    /** After the trace context and the path check, before Spring Security's chain (order -100). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    WebFilter anonymousRateLimit(RateLimitFilter filter) {
        return filter.beforeSecurity();
    }
}
