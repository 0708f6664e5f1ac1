package cn.qujiang.youth.kit.messaging;

import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

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

    /**
     * This entry as Spring Data stores it (the relay reads these fields), built directly for writes that bypass
     * Spring Data's mapping, such as a re-match's bulk write.
     */
    public Document toDocument() {
        return new Document("eventId", eventId).append("type", type).append("topic", topic).append("key", key)
                .append("payload", payload).append("occurredAt", Date.from(occurredAt));
    }
}
