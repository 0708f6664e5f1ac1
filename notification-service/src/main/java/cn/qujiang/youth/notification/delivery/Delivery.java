package cn.qujiang.youth.notification.delivery;

import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.message.Message;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message of one event on one channel. The unique (eventId, channel) index is what makes a redelivered event
 * harmless: the second insert fails and nothing is sent twice. Retries are state in this document
 * ({@code nextAttemptAt}, {@code attempts}), so they survive a restart.
 *
 * @param claim     the dispatcher run that holds the delivery; completions only apply with the same claim
 * @param recipient the masked address last used (138****5678, z***@example.com); never the plain one
 * @param outcome   why a delivery FAILED or was DROPPED (stable code)
 */
@Document(Delivery.COLLECTION)
@CompoundIndex(name = "event_channel", def = "{'eventId': 1, 'channel': 1}", unique = true)
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "applicant", def = "{'applicantId': 1}")
public record Delivery(@Id String id, String eventId, String applicantId, Channel channel, Message message,
        DeliveryStatus status, Instant createdAt, Instant nextAttemptAt, String claim, List<Attempt> attempts,
        String recipient, String outcome, Instant completedAt) {

    public static final String COLLECTION = "deliveries";

    public Delivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    static Delivery planned(String eventId, String applicantId, Channel channel, Message message, Instant now,
            Instant firstAttemptAt) {
        return new Delivery(UUID.randomUUID().toString(), eventId, applicantId, channel, message,
                DeliveryStatus.PENDING, now, firstAttemptAt, null, List.of(), null, null, null);
    }
}
