package cn.qujiang.youth.kit.messaging;

import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting inside its aggregate's document (field {@code outbox}) until the relay has handed it to Kafka.
 * Storing the state change and its events in one document write is what makes "no event lost" possible without
 * multi-document transactions. {@code eventId} becomes the CloudEvents id (not named {@code id}: Spring Data
 * would store that as {@code _id}), the consumers' idempotency key.
 */
public record OutboxEntry(String eventId, String type, String topic, String key, String payload, Instant occurredAt) {

    public static final String FIELD = "outbox";

    public static OutboxEntry of(Object event, String key, Instant occurredAt) {
        EventType type = EventType.of(event);
        return new OutboxEntry(UUID.randomUUID().toString(), type.typeId(), type.topic(), key,
                EventJson.write(event), occurredAt);
    }
}
