package cn.qujiang.youth.notification.news;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The applicants' untold news, one document each, every change a read-modify-write guarded by {@code lock} (no
 * multi-document transactions needed, none used).
 */
@Component
public class NewsStore {
    private static final int ATTEMPTS = 5;
    private static final int DUE_PAGE = 100;

    private final MongoTemplate mongo;
    private final NewsProperties properties;

    NewsStore(MongoTemplate mongo, NewsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Takes one evaluation in; false when this event was taken in before (a redelivery). */
    boolean gather(String eventId, MatchesEvaluated event, Instant now) {
        boolean[] taken = {false};
        change(event.applicantId(), stored -> {
            taken[0] = !stored.hasTaken(eventId);
            return taken[0] ? stored.taking(eventId, event, now, properties) : null;
        });
        return taken[0];
    }

    /** News whose time has come, oldest first. */
    List<EligibilityNews> due(Instant now) {
        Query query = Query.query(Criteria.where("sendAt").lte(now)).with(Sort.by("sendAt")).limit(DUE_PAGE);
        return mongo.find(query, EligibilityNews.class);
    }

    /** The measures of {@code told} were planned as one message: they are no news any more. */
    void told(EligibilityNews told, Instant now) {
        change(told.applicantId(), stored -> stored.withoutTold(told, now, properties));
    }

    /** The applicant's news not told yet, for their data export; empty when there is none. */
    public Optional<UntoldNews> untold(String applicantId) {
        return Optional.ofNullable(mongo.findById(applicantId, EligibilityNews.class))
                .filter(news -> !news.measures().isEmpty())
                .map(news -> new UntoldNews(news.measures(), news.firstAt(), news.sendAt()));
    }

    public long purge(String applicantId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(applicantId)), EligibilityNews.class)
                .getDeletedCount();
    }

    /** {@code next} returns the new state, or null to leave the stored one as it is. */
    private void change(String applicantId, UnaryOperator<EligibilityNews> next) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            EligibilityNews stored = mongo.findById(applicantId, EligibilityNews.class);
            EligibilityNews changed = next.apply(stored == null ? EligibilityNews.none(applicantId) : stored);
            if (changed == null || write(stored, changed)) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("an applicant's news kept changing; retry");
    }

    private boolean write(EligibilityNews stored, EligibilityNews next) {
        if (stored == null) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        Query unchanged = Query.query(Criteria.where("_id").is(stored.applicantId()).and("lock").is(stored.lock()));
        return mongo.findAndReplace(unchanged, next) != null;
    }
}
