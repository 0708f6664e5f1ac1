package cn.qujiang.youth.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Exponential back-off with a ceiling and a bounded number of attempts. */
final class RetryPolicy {
    private final DeliveryProperties properties;

    RetryPolicy(DeliveryProperties properties) {
        this.properties = properties;
    }

    /** When to try again after {@code failedAttempts} failures, or empty when the delivery has to give up. */
    Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= properties.maxAttempts()) {
            return Optional.empty();
        }
        double factor = Math.pow(properties.multiplier(), Math.max(0, failedAttempts - 1));
        long millis = (long) Math.min(properties.initialBackoff().toMillis() * factor,
                (double) properties.maxBackoff().toMillis());
        return Optional.of(now.plus(Duration.ofMillis(millis)));
    }
}
