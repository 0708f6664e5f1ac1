package cn.qujiang.youth.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retry and dispatch settings.
 *
 * @param maxAttempts    attempts before a delivery is FAILED
 * @param initialBackoff wait after the first failure; each further failure multiplies it, up to {@code maxBackoff}
 * @param pollInterval   how often the dispatcher looks for due deliveries when nothing woke it
 * @param lease          how long a claimed delivery is held before another dispatcher may take it over (a crash
 *                       mid-send); longer than any send can take
 */
@ConfigurationProperties("qujiang.delivery")
public record DeliveryProperties(Integer maxAttempts, Duration initialBackoff, Double multiplier,
        Duration maxBackoff, Duration pollInterval, Duration lease) {
    public DeliveryProperties {
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
    }
}
