package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How many applicants the read model finds ELIGIBLE for each measure right now, kept as one counter document that
 * every stored change of results adjusts by its difference (README, "Statistics"): reading the numbers is one
 * document, however many applicants there are.
 *
 * <p>Without transactions the results and the counter are two writes. The results' write carries the difference it
 * makes ({@link CountChange}, under a key of its own) in the same conditional write, so whoever finds it there
 * later (the next delivery for that applicant, erasure) can apply it again; applying is idempotent because the
 * counter document remembers the keys of the last {@value #REMEMBERED} changes it took, in the same single-document
 * write as the {@code $inc}. A change left over by a crash is applied by the next write of that applicant, long
 * before a thousand other changes push its key out.
 */
@Component
public class EligibleCounts implements SmartInitializingSingleton {
    static final String COLLECTION = "eligible_counts";
    static final int REMEMBERED = 1000;
    private static final String ID = "eligible";
    private static final String COUNTS = "counts";
    private static final String APPLIED = "applied";

    private final MongoTemplate mongo;

    public EligibleCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Per measure, the applicants whose latest result is ELIGIBLE (measures nobody is eligible for are absent). */
    public Map<String, Long> now() {
        Query query = Query.query(Criteria.where("_id").is(ID));
        query.fields().include(COUNTS);
        Document counter = mongo.findOne(query, Document.class, COLLECTION);
        Map<String, Long> counts = new HashMap<>();
        if (counter != null && counter.get(COUNTS) instanceof Document byCode) {
            byCode.forEach((code, n) -> {
                if (((Number) n).longValue() != 0) {
                    counts.put(code, ((Number) n).longValue());
                }
            });
        }
        return counts;
    }

    /**
     * The same numbers counted from the stored results themselves: a scan of the whole read model (the codes each
     * applicant is eligible for, or, in results stored in the earlier form, an unwind of every result). For
     * checking the counter and for starting it on results stored before it existed.
     */
    public Map<String, Long> recount() {
        Document legacy = new Document(MatchDocument.LEGACY_RESULTS, new Document("$exists", true));
        List<Document> groups = new ArrayList<>();
        mongo.getCollection(MatchDocument.COLLECTION).aggregate(List.of(
                new Document("$match", new Document(MatchDocument.LEGACY_RESULTS, new Document("$exists", false))),
                new Document("$project", new Document("_id", 0).append(MatchDocument.ELIGIBLE, 1)),
                new Document("$unwind", "$" + MatchDocument.ELIGIBLE),
                new Document("$group", new Document("_id", "$" + MatchDocument.ELIGIBLE)
                        .append("n", new Document("$sum", 1))))).into(groups);
        mongo.getCollection(MatchDocument.COLLECTION).aggregate(List.of(
                new Document("$match", legacy),
                new Document("$project", new Document("_id", 0).append("results", 1)),
                new Document("$unwind", "$results"),
                new Document("$match", new Document("results.outcome", Outcome.ELIGIBLE.name())),
                new Document("$group", new Document("_id", "$results.measureCode")
                        .append("n", new Document("$sum", 1))))).into(groups);
        Map<String, Long> counts = new HashMap<>();
        groups.forEach(group -> counts.merge(group.getString("_id"), ((Number) group.get("n")).longValue(),
                Long::sum));
        return counts;
    }

    /**
     * Starts the counter from a recount when there is none yet (results stored before counting began). Changes
     * stored while the recount runs are counted twice or not at all; it is meant for a start-up before the
     * listener takes events.
     */
    void startIfAbsent() {
        if (mongo.exists(Query.query(Criteria.where("_id").is(ID)), COLLECTION)) {
            return;
        }
        Document counts = new Document();
        recount().forEach(counts::append);
        try {
            mongo.insert(new Document("_id", ID).append(COUNTS, counts).append(APPLIED, List.of()), COLLECTION);
        } catch (DuplicateKeyException e) {
            // a change was counted meanwhile: the counter exists
        }
    }

    /** Before the listeners start taking events. */
    @Override
    public void afterSingletonsInstantiated() {
        startIfAbsent();
    }

    /**
     * Adds {@code change} unless it was added already (its key is among those remembered). One conditional upsert
     * with the driver's documents: it runs for every stored change, and Spring Data's mapping of the update cost
     * more than the write.
     */
    void add(CountChange change) {
        Document inc = new Document();
        change.delta().forEach((code, delta) -> inc.append(COUNTS + "." + code, delta));
        Document update = new Document("$inc", inc).append("$push", new Document(APPLIED,
                new Document("$each", List.of(change.key())).append("$slice", -REMEMBERED)));
        try {
            mongo.getCollection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", ID),
                    Filters.ne(APPLIED, change.key())), update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the counter exists and already has this key: the change was added before
        }
    }
}
