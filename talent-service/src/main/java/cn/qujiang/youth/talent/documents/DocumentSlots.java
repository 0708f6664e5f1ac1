package cn.qujiang.youth.talent.documents;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The places for documents on an application: one document per application in {@code document_slots}
 * ({@code _id} = the application id, {@code taken} = the ids of the documents holding a place). Counting the
 * attached documents and then storing let two concurrent uploads both take the last place; here a place is taken
 * by one conditional update (push the id only while the list is shorter than the limit) before the file is stored,
 * and given back when storing fails. The list starts, on the first upload to the application, as the documents
 * submission attached (they were attached before the application existed, so no upload can race that seed).
 */
@Component
class DocumentSlots {
    static final String COLLECTION = "document_slots";

    private final MongoTemplate mongo;

    DocumentSlots(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Takes a place for {@code documentId}; false when the application already has {@code max} documents. */
    boolean take(String applicationId, String applicantId, String documentId, int max) {
        if (!mongo.exists(byId(applicationId), COLLECTION)) {
            seed(applicationId, applicantId);
        }
        Query free = Query.query(Criteria.where("_id").is(applicationId).and("taken." + (max - 1)).exists(false));
        return mongo.updateFirst(free, new Update().push("taken", documentId), COLLECTION).getModifiedCount() > 0;
    }

    /** The upload that took the place was not stored. */
    void giveBack(String applicationId, String documentId) {
        mongo.updateFirst(byId(applicationId), new Update().pull("taken", documentId), COLLECTION);
    }

    /** Erasure: the places of the applicant's applications. */
    void deleteAllOf(String applicantId) {
        mongo.remove(Query.query(Criteria.where("applicantId").is(applicantId)), COLLECTION);
    }

    private void seed(String applicationId, String applicantId) {
        List<String> attached = mongo.findDistinct(Query.query(Criteria.where("applicationIds").is(applicationId)),
                "_id", DocumentRecord.class, String.class);
        try {
            mongo.insert(new org.bson.Document("_id", applicationId).append("applicantId", applicantId)
                    .append("taken", attached), COLLECTION);
        } catch (DuplicateKeyException e) {
            // a concurrent first upload seeded it with the same documents
        }
    }

    private static Query byId(String applicationId) {
        return Query.query(Criteria.where("_id").is(applicationId));
    }
}
