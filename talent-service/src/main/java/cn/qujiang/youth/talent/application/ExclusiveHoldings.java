package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Two measures that cannot be combined are never both approved for one applicant, even when two officers approve
 * them at the same moment. What an applicant holds is their approved applications, which live in many documents;
 * without multi-document transactions the guard is one document per applicant, written conditionally.
 *
 * <p>Before an approval is written it claims its measure here: it reads the applicant's document (its
 * {@code revision} and the claims of approvals in flight), then the approved applications, and records its claim
 * only if neither holds a measure that excludes this one, in either direction, by the catalogue replica, and only if
 * the document is still at the revision it read. Two racing approvals cannot both succeed that write: the later one
 * reads again, sees the other's claim and is refused. A claim is dropped once its approval was written (the
 * applications then show the measure as held: the document was read before the applications, so nothing falls in
 * between) or failed. A crash in between leaves the claim, and the recovery sweep drops it after the grace period.
 */
@Component
class ExclusiveHoldings {
    static final String COLLECTION = "holdings";
    private static final String PENDING = "pending";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final ApplicationStore applications;
    private final CatalogueReplica catalogue;

    ExclusiveHoldings(MongoTemplate mongo, ApplicationStore applications, CatalogueReplica catalogue) {
        this.mongo = mongo;
        this.applications = applications;
        this.catalogue = catalogue;
    }

    @Document(COLLECTION)
    record Holdings(@Id String applicantId, long revision, List<Claim> pending) {

        Holdings {
            pending = pending == null ? List.of() : List.copyOf(pending);
        }
    }

    /** An approval of {@code measureCode} on its way, for {@code application}. */
    record Claim(String application, String measureCode, Instant at) {
    }

    /**
     * Claims {@code measureCode} for the approval of {@code applicationId} (or finds the claim it made before);
     * refused with the measures held or being approved that exclude it.
     */
    void claim(String applicantId, String applicationId, String measureCode, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Holdings holdings = read(applicantId);
            if (holdings.pending().stream().anyMatch(claim -> claim.application().equals(applicationId))) {
                return;
            }
            Set<String> heldOrInFlight = new TreeSet<>(applications.approvedCodes(applicantId));
            holdings.pending().forEach(claim -> heldOrInFlight.add(claim.measureCode()));
            List<String> excluding = catalogue.excludedBy(measureCode, heldOrInFlight);
            if (!excluding.isEmpty()) {
                throw new ApprovalRefusedException.Excluded(measureCode, excluding);
            }
            Query unchanged = Query.query(Criteria.where("_id").is(applicantId).and("revision").is(holdings.revision()));
            Update claim = new Update().inc("revision", 1).push(PENDING, new Claim(applicationId, measureCode, now));
            if (mongo.updateFirst(unchanged, claim, Holdings.class).getMatchedCount() == 1) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("approvals for one applicant kept racing; try again");
    }

    /** The approval was written, or will not be: its claim is done either way (held measures come from approvals). */
    void drop(String applicantId, String applicationId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(applicantId)),
                new Update().pull(PENDING, Map.of("application", applicationId)), Holdings.class);
    }

    /** Drops every claim older than {@code before}, left by a crash; returns how many. */
    int dropClaimsOlderThan(Instant before) {
        int dropped = 0;
        for (Holdings holdings : mongo.find(Query.query(Criteria.where(PENDING + ".at").lt(before)), Holdings.class)) {
            for (Claim claim : holdings.pending()) {
                if (claim.at().isBefore(before)) {
                    drop(holdings.applicantId(), claim.application());
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** Erasure: the applicant's document goes with their applications. */
    void delete(String applicantId) {
        mongo.remove(Query.query(Criteria.where("_id").is(applicantId)), Holdings.class);
    }

    private Holdings read(String applicantId) {
        Query query = Query.query(Criteria.where("_id").is(applicantId));
        mongo.upsert(query, new Update().inc("revision", 0), Holdings.class);
        return mongo.findOne(query, Holdings.class);
    }
}
