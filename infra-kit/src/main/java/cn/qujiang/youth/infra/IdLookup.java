package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.List;
import java.util.UUID;

/** Which queries the dev stores answer by looking one document up by its id, as MongoDB's {@code _id} index does. */
final class IdLookup {

    private IdLookup() {
    }

    /**
     * The id a query names as a plain value, at its top or in one of its {@code $and} conditions, or null. Only
     * string, ObjectId and UUID ids, whose equality in the stores' maps is MongoDB's; anything else (numbers,
     * sub-documents, operators such as {@code $in}, {@code $or}) is scanned.
     */
    static Object idOf(Document query, String idField) {
        Object id = query.get(idField);
        if (id instanceof String || id instanceof ObjectId || id instanceof UUID) {
            return id;
        }
        // {$and: [{_id: x}, {revision: n}]}: how the driver's Filters.and writes a guarded write. The other
        // conditions (another _id among them) are still matched against the one document looked up.
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                Object named = condition instanceof Document part ? idOf(part, idField) : null;
                if (named != null) {
                    return named;
                }
            }
        }
        return null;
    }
}
