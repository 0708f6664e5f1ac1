package cn.qujiang.youth.kit.messaging;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CloudEvent read from Kafka: its id (the idempotency key), its type and its payload record. Unknown types are
 * logged and skipped, so a newer producer never breaks an older consumer.
 */
public record InboundEvent(String id, EventType type, String subject, Object payload) {
    private static final Logger log = LoggerFactory.getLogger(InboundEvent.class);
    private static final Set<EventType> EVERY_TYPE = EnumSet.allOf(EventType.class);

    public static Optional<InboundEvent> from(ConsumerRecord<String, String> record) {
        return from(record, EVERY_TYPE);
    }

    /**
     * The event when it is one of the {@code wanted} types; an event of another known type is skipped without
     * reading its payload, for a listener that hears a whole topic for one type of it (every profile change passes
     * by notification-service, which only waits for erasures).
     */
    public static Optional<InboundEvent> from(ConsumerRecord<String, String> record, Set<EventType> wanted) {
        String typeId = header(record, CloudEventHeaders.TYPE);
        String id = header(record, CloudEventHeaders.ID);
        if (typeId == null || id == null) {
            throw new InvalidEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no CloudEvents id or type");
        }
        Optional<EventType> type = EventType.byTypeId(typeId);
        if (type.isEmpty()) {
            log.info("skipping event {} of unknown type {}", id, typeId);
            return Optional.empty();
        }
        if (!wanted.contains(type.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InboundEvent(id, type.get(), header(record, CloudEventHeaders.SUBJECT),
                    EventJson.read(record.value(), type.get())));
        } catch (RuntimeException e) {
            throw new InvalidEventException("event " + id + " of type " + typeId + " is not readable", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** An event that can never be processed: it goes to the dead-letter topic at once, without retries. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }

        public InvalidEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
