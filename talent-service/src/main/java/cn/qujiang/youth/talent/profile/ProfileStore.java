package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.kit.facts.StoredFacts;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.talent.crypto.Sealed;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every write to a profile is one document write carrying its events: a new document, or an update guarded by
 * the version that was read. Updates set the state field by field and {@code $push} the new outbox entries, so
 * entries the relay is removing at the same moment are never written back.
 */
@Component
class ProfileStore {
    private static final List<String> STATE_FIELDS = List.of("idIndex", "identity", "preferredLanguage", "facts",
            "details", "consent", "heldMeasures", "createdAt", "updatedAt");
    private static final Bson VERSION_FIELDS = Projections.include("version", "erasedAt");
    private static final Bson SAVE_FIELDS = Projections.include("version", "erasedAt", "consent", "heldMeasures",
            "createdAt");

    private final MongoTemplate mongo;
    private final StoredFacts facts;

    ProfileStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.facts = new StoredFacts(mongo.getConverter().getConversionService());
    }

    /** The document, live or tombstone. */
    Optional<ProfileDocument> find(String applicantId) {
        return Optional.ofNullable(mongo.findById(applicantId, ProfileDocument.class));
    }

    /**
     * What a save needs of the stored profile (live or tombstone): its version, whether it is erased, the consent,
     * the held measures and when it was created — not the sealed personal data, facts, details and pending events
     * the save replaces. Read with the driver's documents: a save is the most frequent write, and mapping the whole
     * document (or the projection, with Spring Data) cost more of this service's CPU than the read.
     */
    Optional<SaveState> saveState(String applicantId) {
        Document found = mongo.getCollection(ProfileDocument.COLLECTION).find(Filters.eq("_id", applicantId))
                .projection(SAVE_FIELDS).first();
        if (found == null) {
            return Optional.empty();
        }
        Document consent = found.get("consent", Document.class);
        return Optional.of(new SaveState(found.get("version", Number.class).longValue(), found.get("erasedAt") != null,
                consent == null ? null : new Consent(consent.getString("noticeVersion"), instant(consent, "consentedAt")),
                found.getList("heldMeasures", String.class, List.of()), instant(found, "createdAt")));
    }

    record SaveState(long version, boolean erased, Consent consent, List<String> heldMeasures, Instant createdAt) {
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /**
     * The version of the live profile, read without its sealed personal data or facts: a cheap check for callers
     * that only need to know whether (and at which version) a profile exists. Queried by {@code _id} alone, so that
     * the store answers it from the primary key, and with the driver's documents: it is asked on every status poll
     * and every match event, where Spring Data's mapping of the query and the fields cost more than the read.
     */
    OptionalLong liveVersion(String applicantId) {
        Document found = mongo.getCollection(ProfileDocument.COLLECTION).find(Filters.eq("_id", applicantId))
                .projection(VERSION_FIELDS).first();
        return found == null || found.get("erasedAt") != null ? OptionalLong.empty()
                : OptionalLong.of(found.get("version", Number.class).longValue());
    }

    List<ProfileDocument> findLive(Collection<String> applicantIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(applicantIds).and("erasedAt").exists(false)),
                ProfileDocument.class);
    }

    boolean exists(String applicantId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(applicantId)), ProfileDocument.class);
    }

    void insert(ProfileDocument document) {
        mongo.insert(document);
    }

    /**
     * Writes {@code next} over the version {@code expectedVersion} (live or tombstone) and appends {@code event}.
     * One conditional update built by hand with the driver's documents, every value as Spring Data's mapping stores
     * it (nulls left out, instants as dates; the facts by the kit's {@link StoredFacts}): every save makes it, and
     * Spring Data's conversion of the nested values was two fifths of the save method's samples in a profile.
     * ProfileStoreTest compares the stored document with what Spring Data stores.
     */
    void update(ProfileDocument next, long expectedVersion, OutboxEntry event) {
        Document set = new Document("version", next.version());
        Document unset = new Document("erasedAt", "");
        put(set, unset, "idIndex", next.idIndex());
        put(set, unset, "identity", identity(next.identity()));
        put(set, unset, "preferredLanguage", next.preferredLanguage());
        put(set, unset, "facts", next.facts() == null ? null : facts.write(next.facts()));
        put(set, unset, "details", details(next.details()));
        put(set, unset, "consent", consent(next.consent()));
        put(set, unset, "heldMeasures", next.heldMeasures());
        put(set, unset, "createdAt", date(next.createdAt()));
        put(set, unset, "updatedAt", date(next.updatedAt()));
        Document update = new Document("$set", set).append("$unset", unset)
                .append("$push", new Document(OutboxEntry.FIELD, event.toDocument()));
        try {
            if (mongo.getCollection(ProfileDocument.COLLECTION).updateOne(Filters.and(Filters.eq("_id", next.id()),
                    Filters.eq("version", expectedVersion)), update).getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException("profile changed since version " + expectedVersion);
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateKeyException("another profile holds this ID number index", e);
            }
            throw e;
        }
    }

    void updateHeldMeasures(String applicantId, long expectedVersion, List<String> heldMeasures, Instant at,
            OutboxEntry event) {
        guarded(applicantId, expectedVersion, new Update().set("version", expectedVersion + 1)
                .set("heldMeasures", heldMeasures).set("updatedAt", at).push(OutboxEntry.FIELD, event));
    }

    /**
     * Turns a live profile into a tombstone in one write: every personal and factual field goes, the version moves
     * on, the ApplicantErased event is appended behind any event still waiting. False when there was no live
     * profile.
     */
    boolean tombstone(String applicantId, Instant erasedAt, OutboxEntry event) {
        Update update = new Update().set("erasedAt", erasedAt).inc("version", 1).push(OutboxEntry.FIELD, event);
        STATE_FIELDS.forEach(update::unset);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(applicantId).and("erasedAt").exists(false)),
                update, ProfileDocument.class).getMatchedCount() == 1;
    }

    List<ProfileDocument> tombstones() {
        return mongo.find(Query.query(Criteria.where("erasedAt").exists(true)), ProfileDocument.class);
    }

    /** Deletes a tombstone once the relay has published its events; false while some are still waiting. */
    boolean deleteRelayedTombstone(String applicantId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(applicantId).and("erasedAt").exists(true)
                .and(OutboxEntry.FIELD + ".0").exists(false)), ProfileDocument.class).getDeletedCount() == 1;
    }

    private void guarded(String applicantId, long expectedVersion, Update update) {
        Query query = Query.query(Criteria.where("_id").is(applicantId).and("version").is(expectedVersion));
        if (mongo.updateFirst(query, update, ProfileDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("profile changed since version " + expectedVersion);
        }
    }

    /** Absent values are removed rather than stored as null: a sparse index must not see a null ID index. */
    private static void put(Document set, Document unset, String field, Object value) {
        if (value == null) {
            unset.append(field, "");
        } else {
            set.append(field, value);
        }
    }

    private static Document identity(Identity identity) {
        if (identity == null) {
            return null;
        }
        Document document = new Document();
        putPresent(document, "name", sealed(identity.name()));
        putPresent(document, "idNumber", sealed(identity.idNumber()));
        putPresent(document, "phone", sealed(identity.phone()));
        putPresent(document, "email", sealed(identity.email()));
        return document;
    }

    private static Document sealed(Sealed sealed) {
        if (sealed == null) {
            return null;
        }
        Document document = new Document();
        putPresent(document, "keyId", sealed.keyId());
        putPresent(document, "iv", sealed.iv());
        putPresent(document, "data", sealed.data());
        return document;
    }

    private static Document details(ProfileDetails details) {
        if (details == null) {
            return null;
        }
        Document document = new Document();
        putPresent(document, "school", details.school());
        putPresent(document, "employer", details.employer());
        putPresent(document, "employerCreditCode", details.employerCreditCode());
        return document;
    }

    private static Document consent(Consent consent) {
        if (consent == null) {
            return null;
        }
        Document document = new Document();
        putPresent(document, "noticeVersion", consent.noticeVersion());
        putPresent(document, "consentedAt", date(consent.consentedAt()));
        return document;
    }

    private static void putPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
