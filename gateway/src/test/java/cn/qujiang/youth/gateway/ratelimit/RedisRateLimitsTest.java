package cn.qujiang.youth.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Limit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/** The Redis limiter only refills whole tokens per second; "n per period" must still mean exactly that. */
class RedisRateLimitsTest {

    @Test
    void twentyPerMinuteIsABurstOfTwentyAndOneRequestEveryThreeSeconds() {
        RedisRateLimiter.Config config = RedisRateLimits.config(new Limit(20, Duration.ofMinutes(1)));
        assertThat(config.getBurstCapacity() / config.getRequestedTokens()).isEqualTo(20);
        assertThat((double) config.getRequestedTokens() / config.getReplenishRate()).isEqualTo(3.0);
    }

    @Test
    void subSecondPeriodsCostOneToken() {
        RedisRateLimiter.Config config = RedisRateLimits.config(new Limit(50, Duration.ofMillis(500)));
        assertThat(config.getRequestedTokens()).isEqualTo(1);
        assertThat(config.getBurstCapacity()).isEqualTo(50);
    }
}
