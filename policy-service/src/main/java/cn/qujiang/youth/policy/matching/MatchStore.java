package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.kit.facts.StoredFacts;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWrapper;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.DocumentCodec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The applicant documents. Every change is one conditional write on the document's {@code lock}: whoever read an
 * older state loses and evaluates again, so the listener and a re-match never overwrite each other's results, and
 * a MatchesEvaluated entry is never appended to results it does not describe.
 */
@Component
class MatchStore {
    private static final DocumentCodec DOCUMENTS = new DocumentCodec();
    private static final BsonDocument TO_MATCH = new BsonDocument(ApplicantMatches.LOCK, new BsonInt32(1))
            .append(ApplicantMatches.PROFILE_VERSION, new BsonInt32(1))
            .append(ApplicantMatches.ERASED, new BsonInt32(1))
            .append(ApplicantMatches.RESULTS, new BsonInt32(1));
    private final MongoTemplate mongo;
    private final StoredFacts facts;
    private final StoredApplicants applicants;

    MatchStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.facts = new StoredFacts(mongo.getConverter().getConversionService());
        this.applicants = new StoredApplicants(facts);
    }

    /** The applicant documents, decoded by {@link StoredApplicants} straight from the driver's reader. */
    private MongoCollection<ApplicantMatches> decoded() {
        MongoCollection<Document> documents = mongo.getCollection(ApplicantMatches.COLLECTION);
        return documents.withDocumentClass(ApplicantMatches.class)
                .withCodecRegistry(CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(applicants),
                        documents.getCodecRegistry()));
    }

    Optional<ApplicantMatches> find(String applicantId) {
        return Optional.ofNullable(mongo.findById(applicantId, ApplicantMatches.class));
    }

    /**
     * What a profile event needs of the stored applicant, and no more: lock, profile version, whether erased, and
     * the result lines to compare with (not the facts the event replaces, nor pending events or eligible codes),
     * decoded by {@link StoredApplicants}. Spring Data's mapping of the whole document was a large part of the
     * listener's CPU per event.
     */
    Optional<ApplicantMatches> findToMatch(String applicantId) {
        return Optional.ofNullable(decoded().find(new BsonDocument("_id", new BsonString(applicantId)))
                .projection(TO_MATCH).first());
    }

    /** Stores a first evaluation; false when someone else created the document in the meantime. */
    boolean insert(String applicantId, Evaluation evaluation, OutboxEntry event) {
        try {
            mongo.insert(new ApplicantMatches(applicantId, 1, evaluation.profileVersion(), evaluation.facts(),
                    evaluation.heldMeasures(), evaluation.asOf(), evaluation.catalogueRevision(),
                    evaluation.evaluatedAt(), evaluation.lines(), evaluation.eligible(), false, List.of(event)));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Replaces the evaluation of a document still at {@code lock}, whose stored lines differ from the new ones by
     * {@code diff}; false when it moved on meanwhile. Written as typed BSON, only the lines that changed, as a
     * re-match writes: Spring Data's update mapping (facts, 40 lines, the event) was most of the write's CPU.
     */
    boolean update(String applicantId, long lock, MatchDiff diff, Evaluation evaluation, OutboxEntry event) {
        BsonDocument update = update(new Rewrite(applicantId, lock, diff, evaluation.lines(),
                evaluation.asOf(), evaluation.catalogueRevision(), evaluation.evaluatedAt(), event), null, null);
        update.getDocument("$set")
                .append(ApplicantMatches.PROFILE_VERSION, new BsonInt64(evaluation.profileVersion()))
                .append(ApplicantMatches.FACTS, facts.write(evaluation.facts()))
                .append(ApplicantMatches.HELD, strings(evaluation.heldMeasures()));
        return mongo.getCollection(ApplicantMatches.COLLECTION).updateOne(current(applicantId, lock), update)
                .getMatchedCount() == 1;
    }

    /**
     * Re-evaluations of many applicants in one round trip; returns how many were still at the lock they were read
     * at. Facts and profile version are left alone: a re-match never changes them. Only the result lines that
     * changed are sent. The updates are built as typed BSON values (as Spring Data writes these fields): for 100,000
     * applicants Spring Data's update mapping cost more than the evaluation itself, and a driver {@code Document}
     * still looks up a codec for every value it writes.
     */
    long updateAll(List<Rewrite> rewrites) {
        if (rewrites.isEmpty()) {
            return 0;
        }
        // A page is written with one day and one time: converted once, not once per applicant.
        Rewrite first = rewrites.get(0);
        BsonValue asOf = dateTime(first.asOf());
        BsonValue evaluatedAt = dateTime(first.evaluatedAt());
        List<UpdateOneModel<Document>> updates = new ArrayList<>(rewrites.size());
        for (Rewrite rewrite : rewrites) {
            updates.add(new UpdateOneModel<>(current(rewrite.applicantId(), rewrite.lock()), update(rewrite,
                    rewrite.asOf().equals(first.asOf()) ? asOf : null,
                    rewrite.evaluatedAt().equals(first.evaluatedAt()) ? evaluatedAt : null)));
        }
        return mongo.execute(ApplicantMatches.COLLECTION, collection -> collection
                .bulkWrite(updates, new BulkWriteOptions().ordered(false)).getMatchedCount());
    }

    /**
     * The update of one applicant's results: the lines that changed, the eligible codes when they changed, what
     * the results were evaluated against, the lock, and the event if any. {@code asOf} and {@code evaluatedAt}
     * already converted, or null.
     */
    private BsonDocument update(Rewrite rewrite, BsonValue asOf, BsonValue evaluatedAt) {
        BsonDocument set = changedLines(rewrite.diff(), rewrite.lines());
        set.append(ApplicantMatches.AS_OF, asOf != null ? asOf : dateTime(rewrite.asOf()))
                .append(ApplicantMatches.CATALOGUE_REVISION, new BsonInt64(rewrite.catalogueRevision()))
                .append(ApplicantMatches.EVALUATED_AT, evaluatedAt != null ? evaluatedAt
                        : dateTime(rewrite.evaluatedAt()));
        if (!rewrite.diff().sameEligible()) {
            set.append(ApplicantMatches.ELIGIBLE, strings(StoredResult.eligibleCodes(rewrite.lines())));
        }
        BsonDocument update = new BsonDocument("$set", set)
                .append("$inc", new BsonDocument(ApplicantMatches.LOCK, new BsonInt64(1)));
        if (rewrite.event() != null) {
            update.append("$push", new BsonDocument(OutboxEntry.FIELD,
                    new BsonDocumentWrapper<>(rewrite.event().toDocument(), DOCUMENTS)));
        }
        return update;
    }

    /** A day or an instant as Spring Data stores it (a BSON date). */
    private BsonValue dateTime(Object value) {
        return new BsonDateTime(((Date) mongo.getConverter().convertToMongoType(value)).getTime());
    }

    private static BsonArray strings(List<String> values) {
        BsonArray array = new BsonArray(new ArrayList<>(values.size()));
        values.forEach(value -> array.add(new BsonString(value)));
        return array;
    }

    /** {@code results.<i>} for each line that changed, or all of {@code results} when the measures differ. */
    private static BsonDocument changedLines(MatchDiff diff, List<String> lines) {
        return diff.changedPositions().map(positions -> {
            BsonDocument changed = new BsonDocument();
            positions.forEach(i -> changed.append(ApplicantMatches.RESULTS + "." + i, new BsonString(lines.get(i))));
            return changed;
        }).orElseGet(() -> new BsonDocument(ApplicantMatches.RESULTS, strings(lines)));
    }

    /** Leaves a tombstone: no facts, no results, no pending events, and later profile events are ignored. */
    void erase(String applicantId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(applicantId)), new Update()
                .set(ApplicantMatches.ERASED, true)
                .unset(ApplicantMatches.FACTS).unset(ApplicantMatches.HELD).unset(ApplicantMatches.RESULTS)
                .unset(ApplicantMatches.ELIGIBLE).unset(ApplicantMatches.AS_OF).unset(OutboxEntry.FIELD)
                .setOnInsert(ApplicantMatches.PROFILE_VERSION, 0L)
                .setOnInsert(ApplicantMatches.CATALOGUE_REVISION, 0L)
                .inc(ApplicantMatches.LOCK, 1), ApplicantMatches.class);
    }

    /**
     * Hands the applicants whose results predate catalogue revision {@code revision} or day {@code today} to
     * {@code pages}, {@code pageSize} at a time, from one cursor: the collection is read once, however large.
     */
    void forEachPageBehind(long revision, LocalDate today, int pageSize, Consumer<List<ApplicantMatches>> pages) {
        Query query = Query.query(behind(revision, today)).cursorBatchSize(pageSize);
        // What a re-match reads: not the pending events, the eligible codes or when they were last evaluated.
        query.fields().include(ApplicantMatches.LOCK, ApplicantMatches.PROFILE_VERSION, ApplicantMatches.FACTS,
                ApplicantMatches.HELD, ApplicantMatches.AS_OF, ApplicantMatches.CATALOGUE_REVISION,
                ApplicantMatches.RESULTS);
        forEachPage(query, pageSize, pages);
    }

    /**
     * Every applicant (erased ones aside) with what evaluating them needs (facts, held measures, results and their
     * day) and nothing else: no lock, versions or pending events. For reading only.
     */
    void forEachPageToEvaluate(int pageSize, Consumer<List<ApplicantMatches>> pages) {
        Query query = Query.query(Criteria.where(ApplicantMatches.ERASED).is(false)).cursorBatchSize(pageSize);
        query.fields().include(ApplicantMatches.FACTS, ApplicantMatches.HELD, ApplicantMatches.AS_OF,
                ApplicantMatches.RESULTS);
        forEachPage(query, pageSize, pages);
    }

    /**
     * Decoded by the driver with {@link StoredApplicants}, straight from the wire: Spring Data's mapping of each
     * document was most of the CPU here. The query is mapped once (dates as Spring Data stores them).
     */
    private void forEachPage(Query query, int pageSize, Consumer<List<ApplicantMatches>> pages) {
        Document filter = new QueryMapper(mongo.getConverter()).getMappedObject(query.getQueryObject(),
                mongo.getConverter().getMappingContext().getPersistentEntity(ApplicantMatches.class));
        try (MongoCursor<ApplicantMatches> cursor = decoded().find(filter).projection(query.getFieldsObject())
                .batchSize(pageSize).cursor()) {
            List<ApplicantMatches> page = new ArrayList<>(pageSize);
            while (cursor.hasNext() && !Thread.currentThread().isInterrupted()) {
                page.add(cursor.next());
                if (page.size() == pageSize || !cursor.hasNext()) {
                    pages.accept(page);
                    page = new ArrayList<>(pageSize);
                }
            }
        }
    }

    private static Criteria behind(long revision, LocalDate today) {
        return Criteria.where(ApplicantMatches.ERASED).is(false).orOperator(
                Criteria.where(ApplicantMatches.CATALOGUE_REVISION).lt(revision),
                Criteria.where(ApplicantMatches.AS_OF).lt(today));
    }

    /** Applicants not erased. Counting scans the collection in the MongoDB-wire server: not for hot paths. */
    long countApplicants() {
        return mongo.count(Query.query(Criteria.where(ApplicantMatches.ERASED).is(false)), ApplicantMatches.class);
    }

    /** Applicants whose results predate catalogue revision {@code revision} or day {@code today}. */
    long countBehind(long revision, LocalDate today) {
        return mongo.count(Query.query(behind(revision, today)), ApplicantMatches.class);
    }

    /** Ids of applicants currently ELIGIBLE for a measure, in id order. */
    List<String> eligibleFor(String measureCode, long offset, int limit) {
        Query query = Query.query(Criteria.where(ApplicantMatches.ELIGIBLE).is(measureCode))
                .with(Sort.by("_id")).skip(offset).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, ApplicantMatches.COLLECTION).stream()
                .map(document -> document.getString("_id")).toList();
    }

    long countEligibleFor(String measureCode) {
        return mongo.count(Query.query(Criteria.where(ApplicantMatches.ELIGIBLE).is(measureCode)),
                ApplicantMatches.class);
    }

    /** The document of {@code applicantId} if it is still at {@code lock}. */
    private static BsonDocument current(String applicantId, long lock) {
        return new BsonDocument("_id", new BsonString(applicantId))
                .append(ApplicantMatches.LOCK, new BsonInt64(lock));
    }

    /**
     * One applicant's re-evaluated lines in a bulk write, with how they differ from the lines they replace;
     * {@code event} is null when nothing noticeable changed.
     */
    record Rewrite(String applicantId, long lock, MatchDiff diff, List<String> lines, LocalDate asOf,
            long catalogueRevision, Instant evaluatedAt, OutboxEntry event) {
    }
}
