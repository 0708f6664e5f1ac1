package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.eventkey.TestEventKeys;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Match results stored as the read model stores them, for tests and benchmarks of features that read them. */
public final class StoredMatches {
    private StoredMatches() {
    }

    /** Applies each evaluation through the read model, as the match listener does. */
    public static void apply(MongoTemplate mongo, Collection<MatchesEvaluated> evaluations) {
        EventKeys keys = TestEventKeys.in(mongo);
        MatchReadModel model = new MatchReadModel(mongo, new EligibleCounts(mongo), keys, Clock.systemUTC());
        evaluations.forEach(event -> {
            EventKey key = keys.forApplicant(event.applicantId());
            model.apply(event.sealValues(key), key);
        });
    }

    /**
     * Stores first evaluations in one bulk insert (what {@link #apply} would store for applicants new to it), each
     * result with its code, version and outcome only (so nothing to seal): a benchmark's 100,000 applicants with whole results (criteria,
     * values, amounts) do not fit mongo-java-server's in-memory backend in a 6 GB heap. Their eligible counts are
     * added as one change, as the read model would have added them one by one.
     */
    public static void insertLean(MongoTemplate mongo, Collection<MatchesEvaluated> evaluations) {
        mongo.insert(evaluations.stream().map(event -> {
            List<MatchResult> lean = event.results().stream().map(StoredMatches::outcomeOnly).toList();
            return new MatchDocument(event.applicantId(), event.profileVersion(), event.asOf(), event.evaluatedAt(),
                    StoredResults.json(lean), null, null, StoredResults.eligible(lean),
                    1, event.evaluatedAt(), null, null);
        }).toList(), MatchDocument.class);
        Map<String, Integer> delta = new TreeMap<>();
        evaluations.forEach(event -> event.results().stream()
                .filter(result -> result.outcome() == MatchesEvaluated.Outcome.ELIGIBLE)
                .forEach(result -> delta.merge(result.measureCode(), 1, Integer::sum)));
        if (!delta.isEmpty()) {
            new EligibleCounts(mongo).add(new CountChange(UUID.randomUUID().toString(), delta));
        }
    }

    private static MatchResult outcomeOnly(MatchResult result) {
        return new MatchResult(result.measureCode(), result.measureVersion(), result.outcome(), null, null, null, false,
                null, null, null, null);
    }
}
