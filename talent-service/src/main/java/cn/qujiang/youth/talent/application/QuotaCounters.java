package cn.qujiang.youth.talent.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Approvals per measure and quota period, counted in one document per counter: the measure's code for a quota that
 * counts overall, {@code <code>@year:2026} or {@code <code>@batch:<id>} for one that counts per year or batch (see
 * {@link Grant#counter}). Taking a place is a single conditional
 * find-and-modify ({@code approved < quota}), so two officers approving the last place at once cannot both get it.
 * Measures without a quota are counted too, so a quota introduced later starts from the true number.
 *
 * <p>The place and the approval are two documents, so the same write that takes a place also records a pending
 * claim naming the application. Once the approval is written the claim is settled (dropped, the place stays);
 * if the approval did not stick the place is given back. A crash in between leaves the claim pending, and
 * {@link ClaimRecovery} resolves it from the application's status: no place is lost and none is counted twice, and
 * an officer retrying the approval of the same application finds its claim instead of taking a second place.
 */
@Component
class QuotaCounters {
    static final String COLLECTION = "quota_counters";
    private static final String PENDING = "pending";
    private static final String CLAIM_APPLICATION = PENDING + ".application";

    private final MongoTemplate mongo;

    QuotaCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record QuotaCounter(@Id String counter, long approved, List<Claim> pending) {

        QuotaCounter {
            pending = pending == null ? List.of() : List.copyOf(pending);
        }
    }

    /** A place taken for an application whose approval is not yet known to have been written. */
    record Claim(String application, Instant at) {
    }

    /** Takes one place for {@code applicationId} (or finds the one it already claimed); false when none is left. */
    boolean reserve(String counter, String applicationId, Integer quota, Instant now) {
        mongo.upsert(Query.query(Criteria.where("_id").is(counter)), new Update().inc("approved", 0),
                QuotaCounter.class);
        Criteria free = Criteria.where("_id").is(counter).and(CLAIM_APPLICATION).ne(applicationId);
        if (quota != null) {
            free = free.and("approved").lt(quota);
        }
        QuotaCounter taken = mongo.findAndModify(Query.query(free),
                new Update().inc("approved", 1).push(PENDING, new Claim(applicationId, now)),
                FindAndModifyOptions.options().returnNew(true), QuotaCounter.class);
        return taken != null || mongo.exists(claimOf(counter, applicationId), QuotaCounter.class);
    }

    /** The approval was written: the place stays taken and the claim is done. */
    void settle(String counter, String applicationId) {
        mongo.updateFirst(claimOf(counter, applicationId), dropClaim(applicationId), QuotaCounter.class);
    }

    /** The approval did not stick: the claimed place is given back (once, however often this is called). */
    void release(String counter, String applicationId) {
        mongo.updateFirst(claimOf(counter, applicationId), dropClaim(applicationId).inc("approved", -1),
                QuotaCounter.class);
    }

    /**
     * Settles or releases every claim older than {@code before}, by the status of its application now; returns how
     * many places were given back.
     */
    int resolveClaimsOlderThan(Instant before, Function<String, Optional<ApplicationStatus>> statusOf) {
        int released = 0;
        Query withClaims = Query.query(Criteria.where(PENDING + ".at").lt(before));
        for (QuotaCounter counter : mongo.find(withClaims, QuotaCounter.class)) {
            for (Claim claim : counter.pending()) {
                if (!claim.at().isBefore(before)) {
                    continue;
                }
                if (statusOf.apply(claim.application()).orElse(null) == ApplicationStatus.APPROVED) {
                    settle(counter.counter(), claim.application());
                } else {
                    release(counter.counter(), claim.application());
                    released++;
                }
            }
        }
        return released;
    }

    /** Places taken on {@code counter}, approvals in flight included. */
    long approved(String counter) {
        QuotaCounter found = mongo.findById(counter, QuotaCounter.class);
        return found == null ? 0 : found.approved();
    }

    private static Query claimOf(String counter, String applicationId) {
        return Query.query(Criteria.where("_id").is(counter).and(CLAIM_APPLICATION).is(applicationId));
    }

    private static Update dropClaim(String applicationId) {
        return new Update().pull(PENDING, Map.of("application", applicationId));
    }
}
