package cn.qujiang.youth.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final RetryPolicy policy = new RetryPolicy(new DeliveryProperties(5, Duration.ofSeconds(30), 2.0,
            Duration.ofMinutes(3), null, null));

    @Test
    void waitsLongerAfterEachFailureUpToTheCeiling() {
        assertThat(policy.nextAttempt(1, NOW)).contains(NOW.plusSeconds(30));
        assertThat(policy.nextAttempt(2, NOW)).contains(NOW.plusSeconds(60));
        assertThat(policy.nextAttempt(3, NOW)).contains(NOW.plusSeconds(120));
        assertThat(policy.nextAttempt(4, NOW)).contains(NOW.plusSeconds(180));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.nextAttempt(5, NOW)).isEmpty();
    }
}
