package cn.qujiang.youth.kit.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which collections hold aggregates with an {@code outbox} field, how often the relay sweeps them for entries a
 * crash left behind, and the CloudEvents source of this service.
 */
@ConfigurationProperties("qujiang.outbox")
public record OutboxProperties(List<String> collections, Duration sweepInterval, String source, Integer batchSize) {
    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        batchSize = batchSize == null ? 500 : batchSize;
    }
}
