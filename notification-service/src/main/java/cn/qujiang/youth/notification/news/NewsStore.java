package cn.qujiang.youth.notification.news;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The applicants' untold news, one document each, every change a read-modify-write guarded by {@code lock} (no
 * multi-document transactions needed, none used). The read and the write of a change go through the driver's
 * documents, mapped here as Spring Data maps {@link EligibilityNews} (NewsStoreTest compares): every evaluation
 * that is news makes one, and Spring Data's mapping of the read, the replacement and the replaced document it
 * returned was two fifths of this service's samples in a profile under load (load-harness README, run U).
 */
@Component
public class NewsStore {
    private static final int ATTEMPTS = 5;
    private static final int DUE_PAGE = 100;
    private static final String MEASURES = "measures";
    private static final String FIRST_AT = "firstAt";
    private static final String SEND_AT = "sendAt";
    private static final String RECENT_EVENTS = "recentEvents";
    private static final String LOCK = "lock";

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
            EligibilityNews stored = read(collection().find(Filters.eq("_id", applicantId)).first());
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
        return collection().replaceOne(Filters.and(Filters.eq("_id", stored.applicantId()),
                Filters.eq(LOCK, stored.lock())), written(next)).getMatchedCount() == 1;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(EligibilityNews.COLLECTION);
    }

    /** The document as Spring Data reads it: a value not stored is null, instants from dates. */
    private static EligibilityNews read(Document stored) {
        if (stored == null) {
            return null;
        }
        List<EligibleMeasure> measures = stored.getList(MEASURES, Document.class, List.of()).stream()
                .map(measure -> new EligibleMeasure(measure.getString("code"), amount(measure.get("amount")),
                        measure.getString("unit")))
                .toList();
        return new EligibilityNews(stored.getString("_id"), measures, instant(stored.getDate(FIRST_AT)),
                instant(stored.getDate(SEND_AT)), stored.getList(RECENT_EVENTS, String.class, List.of()),
                stored.get(LOCK, Number.class).longValue());
    }

    /** The document as Spring Data writes it (a null left out, instants as dates), without its type hint. */
    private static Document written(EligibilityNews news) {
        List<Document> measures = new ArrayList<>(news.measures().size());
        for (EligibleMeasure measure : news.measures()) {
            Document written = new Document("code", measure.code());
            putPresent(written, "amount", measure.amount());
            putPresent(written, "unit", measure.unit());
            measures.add(written);
        }
        Document document = new Document("_id", news.applicantId()).append(MEASURES, measures);
        putPresent(document, FIRST_AT, news.firstAt() == null ? null : Date.from(news.firstAt()));
        putPresent(document, SEND_AT, news.sendAt() == null ? null : Date.from(news.sendAt()));
        return document.append(RECENT_EVENTS, news.recentEvents()).append(LOCK, news.lock());
    }

    private static void putPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }

    private static Long amount(Object stored) {
        return stored == null ? null : ((Number) stored).longValue();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
