package cn.qujiang.youth.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every write to a delivery is one atomic document operation. A dispatcher claims a due delivery with
 * findAndModify (pushing {@code nextAttemptAt} out by the lease and stamping its claim), so two dispatchers never
 * send the same delivery; completions match the claim, so a dispatcher whose lease ran out cannot overwrite the
 * result of the one that took over.
 */
@Component
public class DeliveryStore {
    private final MongoTemplate mongo;

    DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a planned delivery; false when this event already has one on this channel (a redelivered event). */
    boolean insertIfAbsent(Delivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException alreadyPlanned) {
            return false;
        }
    }

    Optional<Delivery> claimNextDue(Instant now, Duration lease) {
        Query due = Query.query(Criteria.where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt"));
        Update claim = new Update().set("nextAttemptAt", now.plus(lease)).set("claim", UUID.randomUUID().toString());
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                Delivery.class));
    }

    void sent(Delivery claimed, String recipient, Instant now) {
        complete(claimed, finish(DeliveryStatus.SENT, now)
                .push("attempts", new Attempt(now, Attempt.Result.SENT, null))
                .set("recipient", recipient));
    }

    void retry(Delivery claimed, Attempt attempt, String recipient, Instant nextAttemptAt) {
        Update update = new Update().push("attempts", attempt).set("nextAttemptAt", nextAttemptAt).unset("claim");
        complete(claimed, recipient == null ? update : update.set("recipient", recipient));
    }

    void fail(Delivery claimed, Attempt attempt, String recipient, Instant now) {
        Update update = finish(DeliveryStatus.FAILED, now).push("attempts", attempt).set("outcome", attempt.code());
        complete(claimed, recipient == null ? update : update.set("recipient", recipient));
    }

    void drop(Delivery claimed, String reason, Instant now) {
        complete(claimed, finish(DeliveryStatus.DROPPED, now).set("outcome", reason));
    }

    /** Not an attempt: the delivery waits (quiet hours) and keeps its attempts budget. */
    void defer(Delivery claimed, Instant until) {
        complete(claimed, new Update().set("nextAttemptAt", until).unset("claim"));
    }

    Page<Delivery> withStatus(DeliveryStatus status, Pageable page) {
        Query query = Query.query(Criteria.where("status").is(status));
        long total = mongo.count(query, Delivery.class);
        List<Delivery> items = mongo.find(query.with(page).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Delivery.class);
        return new PageImpl<>(items, page, total);
    }

    public List<Delivery> ofEvent(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId)), Delivery.class);
    }

    public List<Delivery> ofApplicant(String applicantId) {
        return mongo.find(Query.query(Criteria.where("applicantId").is(applicantId)), Delivery.class);
    }

    public long purge(String applicantId) {
        return mongo.remove(Query.query(Criteria.where("applicantId").is(applicantId)), Delivery.class)
                .getDeletedCount();
    }

    private static Update finish(DeliveryStatus status, Instant now) {
        return new Update().set("status", status).set("completedAt", now).unset("nextAttemptAt").unset("claim");
    }

    private void complete(Delivery claimed, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed.id()).and("claim").is(claimed.claim())),
                update, Delivery.class);
    }
}
