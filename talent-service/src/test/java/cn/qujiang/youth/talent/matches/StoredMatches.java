package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import java.util.Collection;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Match results stored as the read model stores them, for tests and benchmarks of features that read them. */
public final class StoredMatches {
    private StoredMatches() {
    }

    /** Applies each evaluation through the read model, as the match listener does. */
    public static void apply(MongoTemplate mongo, Collection<MatchesEvaluated> evaluations) {
        MatchReadModel model = new MatchReadModel(mongo);
        evaluations.forEach(model::apply);
    }

    /** Stores first evaluations in one bulk insert (what {@link #apply} would store for applicants new to it). */
    public static void insertFirst(MongoTemplate mongo, Collection<MatchesEvaluated> evaluations) {
        mongo.insert(evaluations.stream().map(event -> new MatchDocument(event.applicantId(), event.profileVersion(),
                event.asOf(), event.evaluatedAt(), event.results(), 1)).toList(), MatchDocument.class);
    }
}
