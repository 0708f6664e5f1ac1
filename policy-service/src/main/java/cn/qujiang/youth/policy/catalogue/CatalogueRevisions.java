package cn.qujiang.youth.policy.catalogue;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out increasing catalogue revisions, one per publish or retirement. A revision drawn by a write that then
 * fails is simply never used: gaps are harmless, only the order matters.
 */
@Component
class CatalogueRevisions {
    private static final String COLLECTION = "catalogue_counters";

    private final MongoTemplate mongo;

    CatalogueRevisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    long next() {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is("revision")),
                new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        return ((Number) counter.get("value")).longValue();
    }
}
