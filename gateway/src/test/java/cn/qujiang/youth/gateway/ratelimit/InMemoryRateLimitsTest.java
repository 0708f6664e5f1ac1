package cn.qujiang.youth.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Limit;
import cn.qujiang.youth.gateway.ratelimit.RateLimitProperties.Policy;
import cn.qujiang.youth.gateway.ratelimit.RateLimits.Verdict;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InMemoryRateLimits limits = new InMemoryRateLimits(new RateLimitProperties(false, 3,
            new Limit(3, Duration.ofMinutes(1)), new Limit(5, Duration.ofMinutes(1)),
            new Limit(2, Duration.ofMinutes(1))), now::get);

    @Test
    void allowsTheBurstThenTellsWhenTheNextTokenIsBack() {
        for (int i = 0; i < 3; i++) {
            assertThat(take(Policy.USER, "sub-1").allowed()).isTrue();
        }
        Verdict denied = take(Policy.USER, "sub-1");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfterSeconds()).isEqualTo(20); // 3 per minute: one token every 20 s
    }

    @Test
    void refillsOverTime() {
        for (int i = 0; i < 3; i++) {
            take(Policy.USER, "sub-1");
        }
        advance(Duration.ofSeconds(15));
        assertThat(take(Policy.USER, "sub-1").retryAfterSeconds()).isEqualTo(5);
        advance(Duration.ofSeconds(5));
        assertThat(take(Policy.USER, "sub-1").allowed()).isTrue();
        assertThat(take(Policy.USER, "sub-1").allowed()).isFalse();
    }

    @Test
    void eachCallerAndPolicyHasItsOwnBucket() {
        take(Policy.CALCULATOR, "10.0.0.1");
        take(Policy.CALCULATOR, "10.0.0.1");
        assertThat(take(Policy.CALCULATOR, "10.0.0.1").allowed()).isFalse();
        assertThat(take(Policy.ANONYMOUS, "10.0.0.1").allowed()).isTrue();
        assertThat(take(Policy.CALCULATOR, "10.0.0.2").allowed()).isTrue();
    }

    @Test
    void keepsAtMostMaxKeysBuckets() {
        for (int i = 0; i < 50; i++) {
            take(Policy.ANONYMOUS, "10.0.0." + i);
        }
        assertThat(limits.size()).isLessThanOrEqualTo(3);
    }

    private Verdict take(Policy policy, String caller) {
        return limits.acquire(policy, caller).block();
    }

    private void advance(Duration duration) {
        now.addAndGet(TimeUnit.NANOSECONDS.convert(duration));
    }
}
