package cn.qujiang.youth.notification.inbox;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The in-app inbox; every query is scoped to one owner, so nobody reaches another applicant's messages. */
@Component
public class Inbox {
    private final MongoTemplate mongo;

    Inbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: writing the same delivery twice leaves one entry (and keeps its read state). */
    void add(InboxItem item) {
        mongo.upsert(Query.query(Criteria.where("_id").is(item.id())), new Update()
                .setOnInsert("applicantId", item.applicantId())
                .setOnInsert("message", item.message())
                .setOnInsert("createdAt", item.createdAt()), InboxItem.class);
    }

    List<InboxItem> page(String applicantId, Pageable page) {
        return mongo.find(owned(applicantId).with(page).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                InboxItem.class);
    }

    /** All of the applicant's messages, newest first (their data export). */
    List<InboxItem> all(String applicantId) {
        return mongo.find(owned(applicantId).with(Sort.by(Sort.Direction.DESC, "createdAt")), InboxItem.class);
    }

    long count(String applicantId) {
        return mongo.count(owned(applicantId), InboxItem.class);
    }

    long unread(String applicantId) {
        return mongo.count(owned(applicantId).addCriteria(Criteria.where("readAt").is(null)), InboxItem.class);
    }

    /** False when the entry does not exist or belongs to someone else. */
    boolean markRead(String applicantId, String id, Instant now) {
        Query query = owned(applicantId).addCriteria(Criteria.where("_id").is(id));
        if (mongo.updateFirst(query.addCriteria(Criteria.where("readAt").is(null)), new Update().set("readAt", now),
                InboxItem.class).getMatchedCount() > 0) {
            return true;
        }
        return mongo.exists(owned(applicantId).addCriteria(Criteria.where("_id").is(id)), InboxItem.class);
    }

    long markAllRead(String applicantId, Instant now) {
        return mongo.updateMulti(owned(applicantId).addCriteria(Criteria.where("readAt").is(null)),
                new Update().set("readAt", now), InboxItem.class).getModifiedCount();
    }

    public long purge(String applicantId) {
        return mongo.remove(owned(applicantId), InboxItem.class).getDeletedCount();
    }

    private static Query owned(String applicantId) {
        return Query.query(Criteria.where("applicantId").is(applicantId));
    }
}
