package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * result or only the changed ones.
 */
@Component
public class MatchReadModel {
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Clock clock;

    MatchReadModel(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True when the event was taken (it was not older than the stored results). */
    public boolean apply(MatchesEvaluated event) {
        Instant evaluatedAt = event.evaluatedAt() == null ? Instant.EPOCH
                : event.evaluatedAt().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            MatchDocument stored = mongo.findById(event.applicantId(), MatchDocument.class);
            if (stored != null && isOlder(event.profileVersion(), evaluatedAt, stored)) {
                return false;
            }
            List<MatchResult> results = stored == null || event.profileVersion() > stored.profileVersion()
                    ? event.results() : merge(stored.results(), event.results());
            if (write(stored, new MatchDocument(event.applicantId(), event.profileVersion(), event.asOf(),
                    evaluatedAt, results, stored == null ? 1 : stored.revision() + 1,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)))) {
                return true;
            }
        }
        throw new OptimisticLockingFailureException("match results of an applicant kept changing; retry");
    }

    public Optional<Matches> find(String applicantId) {
        return Optional.ofNullable(mongo.findById(applicantId, MatchDocument.class)).map(Matches::of);
    }

    /**
     * Which profile version the stored results are of, when they were evaluated and when this service took them,
     * read without the results themselves: the cheap answer to "are my results current?".
     */
    Optional<Evaluation> evaluation(String applicantId) {
        Query query = Query.query(Criteria.where("_id").is(applicantId));
        query.fields().include("profileVersion", "evaluatedAt", "storedAt");
        return Optional.ofNullable(mongo.findOne(query, Evaluation.class, MatchDocument.COLLECTION));
    }

    /** {@code storedAt} is null for results stored before this service recorded it. */
    record Evaluation(long profileVersion, Instant evaluatedAt, Instant storedAt) {
    }

    /** Applicants whose latest result for {@code measureCode} is ELIGIBLE. */
    public List<Matches> eligibleFor(String measureCode) {
        return mongo.find(Query.query(Criteria.where("results").elemMatch(
                        Criteria.where("measureCode").is(measureCode).and("outcome").is(Outcome.ELIGIBLE))),
                MatchDocument.class).stream().map(Matches::of).toList();
    }

    public void delete(String applicantId) {
        mongo.remove(Query.query(Criteria.where("_id").is(applicantId)), MatchDocument.class);
    }

    private static boolean isOlder(long profileVersion, Instant evaluatedAt, MatchDocument stored) {
        return profileVersion < stored.profileVersion()
                || (profileVersion == stored.profileVersion() && evaluatedAt.isBefore(stored.evaluatedAt()));
    }

    private static List<MatchResult> merge(List<MatchResult> stored, List<MatchResult> incoming) {
        Map<String, MatchResult> byCode = new LinkedHashMap<>();
        stored.forEach(result -> byCode.put(result.measureCode(), result));
        incoming.forEach(result -> byCode.put(result.measureCode(), result));
        return new ArrayList<>(byCode.values());
    }

    private boolean write(MatchDocument stored, MatchDocument next) {
        if (stored == null) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException e) {
                return false; // another delivery inserted first: read again and merge
            }
        }
        Query unchanged = Query.query(Criteria.where("_id").is(next.applicantId()).and("revision").is(stored.revision()));
        Update update = new Update().set("profileVersion", next.profileVersion()).set("asOf", next.asOf())
                .set("evaluatedAt", next.evaluatedAt()).set("results", next.results()).set("revision", next.revision())
                .set("storedAt", next.storedAt());
        return mongo.updateFirst(unchanged, update, MatchDocument.class).getMatchedCount() == 1;
    }
}
