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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How many applicants the read model finds ELIGIBLE for each measure right now, kept as a few counter documents that
 * every stored change of results adjusts by its difference (README, "Statistics"): reading the numbers is one small
 * query, however many applicants there are.
 *
 * <p>Without transactions the results and the counter are two writes. The results' write carries the difference it
 * makes ({@link CountChange}, under a key of its own) in the same conditional write, so whoever finds it there
 * later (the next delivery for that applicant, erasure) can apply it again; applying is idempotent because the
 * counter remembers the keys of the last changes it took, in the same single-document write as the {@code $inc}. A
 * change left over by a crash is applied by the next write of that applicant, long before about a thousand other
 * changes push its key out.
 *
 * <p>The counter is {@value #SHARDS} documents, a change going to the one its key hashes to, each remembering its last
 * {@value #REMEMBERED} keys ({@code SHARDS × REMEMBERED} changes in all, as the one document of 1,000 keys before). That
 * one document was rewritten whole (~50 KB) by every change, and every change waited for the one before: each write
 * now rewrites ~3 KB, and sixteen can go at once. {@value #BASE} holds the counts the counter started from (a recount,
 * or what the one document had counted) and is never written again; the keys it remembers are asked only for a change
 * a crash left pending ({@link #addLeftover}), the one kind that can be older than the shards.
 */
@Component
public class EligibleCounts implements SmartInitializingSingleton {
    static final String COLLECTION = "eligible_counts";
    static final int SHARDS = 16;
    static final int REMEMBERED = 64;
    static final String BASE = "eligible";
    private static final String COUNTS = "counts";
    private static final String APPLIED = "applied";

    private final MongoTemplate mongo;

    public EligibleCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Per measure, the applicants whose latest result is ELIGIBLE (measures nobody is eligible for are absent). */
    public Map<String, Long> now() {
        Map<String, Long> counts = new HashMap<>();
        for (Document counter : mongo.getCollection(COLLECTION).find().projection(new Document(COUNTS, 1))) {
            if (counter.get(COUNTS) instanceof Document byCode) {
                byCode.forEach((code, n) -> counts.merge(code, ((Number) n).longValue(), Long::sum));
            }
        }
        counts.values().removeIf(n -> n == 0);
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
        if (mongo.exists(new Query(), COLLECTION)) {
            return;
        }
        Document counts = new Document();
        recount().forEach(counts::append);
        try {
            mongo.insert(new Document("_id", BASE).append(COUNTS, counts).append(APPLIED, List.of()), COLLECTION);
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
     * Adds {@code change} unless it was added already (its key is among those its shard remembers). One conditional
     * upsert with the driver's documents: it runs for every stored change, and Spring Data's mapping of the update
     * cost more than the write.
     */
    void add(CountChange change) {
        Document inc = new Document();
        change.delta().forEach((code, delta) -> inc.append(COUNTS + "." + code, delta));
        Document update = new Document("$inc", inc).append("$push", new Document(APPLIED,
                new Document("$each", List.of(change.key())).append("$slice", -REMEMBERED)));
        try {
            mongo.getCollection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", shardOf(change.key())),
                    Filters.ne(APPLIED, change.key())), update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the shard exists and already has this key: the change was added before
        }
    }

    /**
     * Adds a change a crash left pending on an applicant's results: it may have been taken by the one counter
     * document of before, whose keys {@value #BASE} keeps (one more read, on this rare path only).
     */
    void addLeftover(CountChange change) {
        if (!mongo.getCollection(COLLECTION).find(Filters.and(Filters.eq("_id", BASE),
                Filters.eq(APPLIED, change.key()))).projection(new Document("_id", 1)).limit(1).into(new ArrayList<>())
                .isEmpty()) {
            return;
        }
        add(change);
    }

    static String shardOf(String key) {
        return BASE + "#" + Math.floorMod(key.hashCode(), SHARDS);
    }
}
