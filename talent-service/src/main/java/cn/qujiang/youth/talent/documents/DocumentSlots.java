package cn.qujiang.youth.talent.documents;

import java.time.Instant;
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
 * A place taken by an upload is also listed under {@code uploading} ({@code {id, since}}) until the upload is
 * stored or given back: a crash in between would otherwise hold the place for ever, so the document sweep gives back
 * places whose upload began long ago and left no record ({@link #reclaim}).
 */
@Component
class DocumentSlots {
    static final String COLLECTION = "document_slots";
    private static final String UPLOADING = "uploading";

    private final MongoTemplate mongo;

    DocumentSlots(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Takes a place for {@code documentId}, an upload beginning {@code at}; false when the application already has
     * {@code max} documents.
     */
    boolean take(String applicationId, String applicantId, String documentId, int max, Instant at) {
        if (!mongo.exists(byId(applicationId), COLLECTION)) {
            seed(applicationId, applicantId);
        }
        Query free = Query.query(Criteria.where("_id").is(applicationId).and("taken." + (max - 1)).exists(false));
        Update take = new Update().push("taken", documentId)
                .push(UPLOADING, new org.bson.Document("id", documentId).append("since", at));
        return mongo.updateFirst(free, take, COLLECTION).getModifiedCount() > 0;
    }

    /** The upload that took the place is stored: its place is held by its record from now on. */
    void stored(String applicationId, String documentId) {
        mongo.updateFirst(byId(applicationId), finished(documentId), COLLECTION);
    }

    /** The upload that took the place was not stored. */
    void giveBack(String applicationId, String documentId) {
        mongo.updateFirst(byId(applicationId), finished(documentId).pull("taken", documentId), COLLECTION);
    }

    /**
     * Gives back the places of uploads that began before {@code cutoff} and were never stored (the service stopped
     * between taking the place and writing the record); returns how many.
     */
    int reclaim(Instant cutoff) {
        Query stale = Query.query(Criteria.where(UPLOADING).elemMatch(Criteria.where("since").lt(cutoff)));
        int reclaimed = 0;
        for (org.bson.Document slot : mongo.find(stale, org.bson.Document.class, COLLECTION)) {
            String applicationId = slot.getString("_id");
            for (org.bson.Document upload : slot.getList(UPLOADING, org.bson.Document.class)) {
                if (!upload.getDate("since").toInstant().isBefore(cutoff)) {
                    continue;
                }
                String documentId = upload.getString("id");
                if (mongo.exists(byId(documentId), DocumentRecord.COLLECTION)) {
                    stored(applicationId, documentId);
                } else {
                    giveBack(applicationId, documentId);
                    reclaimed++;
                }
            }
        }
        return reclaimed;
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

    private static Update finished(String documentId) {
        return new Update().pull(UPLOADING, Query.query(Criteria.where("id").is(documentId)));
    }

    private static Query byId(String applicationId) {
        return Query.query(Criteria.where("_id").is(applicationId));
    }
}
