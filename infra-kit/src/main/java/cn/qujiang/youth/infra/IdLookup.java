package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.UUID;

/** Which queries the dev stores answer by looking one document up by its id, as MongoDB's {@code _id} index does. */
final class IdLookup {

    private IdLookup() {
    }

    /**
     * The id a query names as a plain value, or null. Only string, ObjectId and UUID ids, whose equality in the
     * stores' maps is MongoDB's; anything else (numbers, sub-documents, operators such as {@code $in}) is scanned.
     */
    static Object idOf(Document query, String idField) {
        Object id = query.get(idField);
        return id instanceof String || id instanceof ObjectId || id instanceof UUID ? id : null;
    }
}
