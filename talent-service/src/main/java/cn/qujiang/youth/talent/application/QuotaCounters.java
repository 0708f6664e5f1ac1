package cn.qujiang.youth.talent.application;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Approvals per measure, counted in one document per measure. Taking a place is a single conditional
 * find-and-modify ({@code approved < quota}), so two officers approving the last place at once cannot both get it.
 * Measures without a quota are counted too, so a quota introduced later starts from the true number.
 */
@Component
class QuotaCounters {
    private final MongoTemplate mongo;

    QuotaCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("quota_counters")
    record QuotaCounter(@Id String measureCode, long approved) {
    }

    /** Takes one place; false when the quota is used up. */
    boolean reserve(String measureCode, Integer quota) {
        Query counter = Query.query(Criteria.where("_id").is(measureCode));
        if (quota == null) {
            mongo.upsert(counter, new Update().inc("approved", 1), QuotaCounter.class);
            return true;
        }
        mongo.upsert(counter, new Update().inc("approved", 0), QuotaCounter.class);
        QuotaCounter taken = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(measureCode).and("approved").lt(quota)),
                new Update().inc("approved", 1), FindAndModifyOptions.options().returnNew(true), QuotaCounter.class);
        return taken != null;
    }

    /** Gives back a place taken for an approval that then lost to a concurrent decision. */
    void release(String measureCode) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(measureCode).and("approved").gt(0)),
                new Update().inc("approved", -1), QuotaCounter.class);
    }

    long approved(String measureCode) {
        QuotaCounter counter = mongo.findById(measureCode, QuotaCounter.class);
        return counter == null ? 0 : counter.approved();
    }
}
