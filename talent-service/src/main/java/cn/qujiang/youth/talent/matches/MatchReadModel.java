package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.SealedPart;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The match results talent-service shows and checks applications against. An evaluation of an older profile
 * version (or an older evaluation of the same version) is ignored; the same event twice leaves the same state.
 * A newer profile version replaces all results; a re-evaluation of the same version (catalogue change, daily
 * sweep) replaces the measures it carries and keeps the others, so it works whether the producer sends every
 * result or only the changed ones. Each stored change also adjusts the eligible counts ({@link EligibleCounts}):
 * the write carries its difference, which is added to the counter right after and then cleared.
 *
 * <p>Results are stored as the event carries them ({@link StoredResults}): a newer profile version's results are
 * taken without opening their sealed values; only a partial re-evaluation, which must merge, and the readers open
 * them, with the applicant's event key.
 */
@Component
public class MatchReadModel {
    private static final int ATTEMPTS = 5;
    private static final Bson STORED_FIELDS = Projections.include("profileVersion", "evaluatedAt", "revision",
            MatchDocument.COUNT_PENDING, MatchDocument.ELIGIBLE, MatchDocument.LEGACY_RESULTS + ".measureCode",
            MatchDocument.LEGACY_RESULTS + ".outcome");
    private static final Bson EVALUATION_FIELDS = Projections.include("profileVersion", "evaluatedAt", "storedAt");

    private final MongoTemplate mongo;
    private final EligibleCounts counts;
    private final EventKeys keys;
    private final Clock clock;

    MatchReadModel(MongoTemplate mongo, EligibleCounts counts, EventKeys keys, Clock clock) {
        this.mongo = mongo;
        this.counts = counts;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * What was stored when the event was taken, empty when it was not (it was older than the stored results).
     * {@code event} as it arrived, its values sealed with {@code key} (or, in an event older than sealing, in clear:
     * they are sealed for storing).
     */
    public Optional<Evaluation> apply(MatchesEvaluated event, EventKey key) {
        Instant evaluatedAt = event.evaluatedAt() == null ? Instant.EPOCH
                : event.evaluatedAt().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored stored = stored(event.applicantId());
            if (stored != null) {
                settleLeftover(event.applicantId(), stored.countPending());
            }
            if (stored != null && isOlder(event.profileVersion(), evaluatedAt, stored)) {
                return Optional.empty();
            }
            boolean replacesAll = stored == null || event.profileVersion() > stored.profileVersion();
            MatchDocument whole = replacesAll ? null : mongo.findById(event.applicantId(), MatchDocument.class);
            if (!replacesAll && (whole == null || whole.revision() != stored.revision())) {
                continue;  // changed between the two reads
            }
            StoredResults results = replacesAll ? StoredResults.of(event, key)
                    : StoredResults.of(event.applicantId(),
                            merge(StoredResults.open(whole, key), event.openValues(key).results()), key);
            CountChange change = CountChange.between(stored == null ? Set.of() : stored.eligibleCodes(),
                    Set.copyOf(results.eligible()));
            MatchDocument next = new MatchDocument(event.applicantId(), event.profileVersion(), event.asOf(),
                    evaluatedAt, results.json(), null, results.sealedValues(), results.eligible(),
                    stored == null ? 1 : stored.revision() + 1, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    change, null);
            if (stored == null ? insert(next) : update(stored.revision(), next)) {
                settle(event.applicantId(), change);
                return Optional.of(new Evaluation(next.profileVersion(), evaluatedAt, next.storedAt()));
            }
        }
        throw new OptimisticLockingFailureException("match results of an applicant kept changing; retry");
    }

    /**
     * What a write of new results needs of the stored ones: versions, the guard, a difference left pending, and
     * which measures were eligible (not the results themselves: an evaluation of a newer profile version replaces
     * them unread). Results stored in the earlier form give their code and outcome of each result instead.
     * Read and written below with the driver's documents: these few fields are read and written for every event,
     * and Spring Data's mapping of the query, the fields and the update cost more than the database round trip.
     */
    private Stored stored(String applicantId) {
        Document found = collection().find(Filters.eq("_id", applicantId)).projection(STORED_FIELDS).first();
        return found == null ? null : Stored.of(found);
    }

    private record Stored(long profileVersion, Instant evaluatedAt, long revision, CountChange countPending,
            Set<String> eligibleCodes) {

        static Stored of(Document found) {
            Set<String> codes = new HashSet<>();
            List<Document> legacy = found.getList(MatchDocument.LEGACY_RESULTS, Document.class);
            if (legacy != null) {
                legacy.stream().filter(result -> Outcome.ELIGIBLE.name().equals(result.getString("outcome")))
                        .forEach(result -> codes.add(result.getString("measureCode")));
            } else {
                codes.addAll(found.getList(MatchDocument.ELIGIBLE, String.class, List.of()));
            }
            return new Stored(number(found, "profileVersion"), instant(found, "evaluatedAt"),
                    number(found, "revision"), CountChange.of(found.get(MatchDocument.COUNT_PENDING, Document.class)),
                    codes);
        }
    }

    /** The applicant's results with their values; none once the applicant's event key is gone (erased). */
    public Optional<Matches> find(String applicantId) {
        return Optional.ofNullable(mongo.findById(applicantId, MatchDocument.class)).flatMap(this::opened);
    }

    private Optional<Matches> opened(MatchDocument stored) {
        if (!StoredResults.sealed(stored)) {
            return Optional.of(Matches.of(stored, StoredResults.open(stored, null)));
        }
        return keys.find(stored.applicantId()).map(key -> Matches.of(stored, StoredResults.open(stored, key)));
    }

    /**
     * Which profile version the stored results are of, when they were evaluated and when this service took them,
     * read without the results themselves: the cheap answer to "are my results current?".
     */
    Optional<Evaluation> evaluation(String applicantId) {
        Document found = collection().find(Filters.eq("_id", applicantId)).projection(EVALUATION_FIELDS).first();
        return Optional.ofNullable(found).map(evaluation -> new Evaluation(number(evaluation, "profileVersion"),
                instant(evaluation, "evaluatedAt"), instant(evaluation, "storedAt")));
    }

    /** {@code storedAt} is null for results stored before this service recorded it. */
    public record Evaluation(long profileVersion, Instant evaluatedAt, Instant storedAt) {
    }

    /** Applicants whose latest result for {@code measureCode} is ELIGIBLE. */
    public List<Matches> eligibleFor(String measureCode) {
        return mongo.find(Query.query(new Criteria().orOperator(
                        Criteria.where(MatchDocument.LEGACY_RESULTS).exists(false)
                                .and(MatchDocument.ELIGIBLE).is(measureCode),
                        Criteria.where(MatchDocument.LEGACY_RESULTS).elemMatch(
                                Criteria.where("measureCode").is(measureCode).and("outcome").is(Outcome.ELIGIBLE)))),
                MatchDocument.class).stream().map(this::opened).flatMap(Optional::stream).toList();
    }

    /**
     * Removes the applicant's results and their part of the eligible counts. The results are first emptied by a
     * conditional write carrying the counts' difference, so that a crash before the counter took it leaves the
     * difference where the next attempt (erasure is repeated until it is done) finds it.
     */
    public void delete(String applicantId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored stored = stored(applicantId);
            if (stored == null) {
                return;
            }
            settleLeftover(applicantId, stored.countPending());
            CountChange change = CountChange.between(stored.eligibleCodes(), Set.of());
            long emptied = stored.revision() + 1;
            boolean written = change == null || mongo.updateFirst(unchanged(applicantId, stored.revision()),
                    new Update().set(MatchDocument.ELIGIBLE, List.of()).unset(MatchDocument.RESULTS_UTF8)
                            .unset(MatchDocument.RESULTS_JSON).unset("sealedValues")
                            .unset(MatchDocument.LEGACY_RESULTS).set("revision", emptied)
                            .set(MatchDocument.COUNT_PENDING, change),
                    MatchDocument.class).getMatchedCount() == 1;
            if (written) {
                settle(applicantId, change);
                long revision = change == null ? stored.revision() : emptied;
                if (mongo.remove(Query.query(Criteria.where("_id").is(applicantId).and("revision").is(revision)),
                        MatchDocument.class).getDeletedCount() == 1) {
                    return;
                }
            }
        }
        throw new OptimisticLockingFailureException("match results of an applicant kept changing; retry");
    }

    /** Adds a stored difference to the eligible counts (at most once) and clears it from the applicant's document. */
    private void settle(String applicantId, CountChange change) {
        if (change == null) {
            return;
        }
        counts.add(change);
        clearPending(applicantId, change);
    }

    /** The same for a difference left by a write that did not get to settle it (a crash). */
    private void settleLeftover(String applicantId, CountChange change) {
        if (change == null) {
            return;
        }
        counts.addLeftover(change);
        clearPending(applicantId, change);
    }

    private void clearPending(String applicantId, CountChange change) {
        collection().updateOne(Filters.and(Filters.eq("_id", applicantId),
                Filters.eq(MatchDocument.COUNT_PENDING + ".key", change.key())), Updates.unset(MatchDocument.COUNT_PENDING));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(MatchDocument.COLLECTION);
    }

    private static long number(Document document, String field) {
        return document.get(field, Number.class).longValue();
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Query unchanged(String applicantId, long revision) {
        return Query.query(Criteria.where("_id").is(applicantId).and("revision").is(revision));
    }

    private static boolean isOlder(long profileVersion, Instant evaluatedAt, Stored stored) {
        return profileVersion < stored.profileVersion()
                || (profileVersion == stored.profileVersion() && evaluatedAt.isBefore(stored.evaluatedAt()));
    }

    private static List<MatchResult> merge(List<MatchResult> stored, List<MatchResult> incoming) {
        Map<String, MatchResult> byCode = new LinkedHashMap<>();
        stored.forEach(result -> byCode.put(result.measureCode(), result));
        incoming.forEach(result -> byCode.put(result.measureCode(), result));
        return new ArrayList<>(byCode.values());
    }

    private boolean insert(MatchDocument next) {
        try {
            mongo.insert(next);
            return true;
        } catch (DuplicateKeyException e) {
            return false; // another delivery inserted first: read again and merge
        }
    }

    /** The fields as Spring Data writes them ({@link MatchDocument}), so that both read each other's writes. */
    private boolean update(long storedRevision, MatchDocument next) {
        SealedPart sealed = next.sealedValues();
        Document set = new Document("profileVersion", next.profileVersion())
                .append("asOf", mongo.getConverter().convertToMongoType(next.asOf()))
                .append("evaluatedAt", Date.from(next.evaluatedAt()))
                .append(MatchDocument.RESULTS_UTF8, next.resultsUtf8())
                .append("sealedValues", sealed == null ? null : new Document("keyId", sealed.keyId())
                        .append("nonce", sealed.nonce()).append("data", sealed.data()))
                .append(MatchDocument.ELIGIBLE, next.eligible())
                .append("revision", next.revision())
                .append("storedAt", Date.from(next.storedAt()))
                .append(MatchDocument.COUNT_PENDING, next.countPending() == null ? null
                        : next.countPending().toDocument());
        Document update = new Document("$set", set)
                .append("$unset", new Document(MatchDocument.LEGACY_RESULTS, "").append(MatchDocument.RESULTS_JSON, ""));
        return collection().updateOne(Filters.and(Filters.eq("_id", next.applicantId()),
                Filters.eq("revision", storedRevision)), update).getMatchedCount() == 1;
    }
}
