package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Which queries the dev stores answer by looking documents up by their ids, as MongoDB's {@code _id} index does. */
final class IdLookup {

    private IdLookup() {
    }

    /**
     * The ids a query names, at its top or in one of its {@code $and} conditions: one plain value, or the values of an
     * {@code $in}, each once (unmodifiable); null when it names none. Only string, ObjectId and UUID ids, whose
     * equality in the stores' maps is MongoDB's; anything else (numbers, sub-documents, other operators, {@code $or})
     * is scanned. The whole query is still matched against every document looked up, so the other conditions (a
     * second {@code _id} among them) keep their meaning.
     */
    static List<Object> idsOf(Document query, String idField) {
        Object condition = query.get(idField);
        if (isKey(condition)) {
            return List.of(condition);
        }
        if (condition instanceof Document operator && operator.size() == 1
                && operator.get("$in") instanceof List<?> values && values.stream().allMatch(IdLookup::isKey)) {
            // {_id: {$in: [...]}, other: ...}: the library's _id index takes an $in only when it is the whole query.
            return List.copyOf(new LinkedHashSet<>(values));
        }
        // {$and: [{_id: x}, {revision: n}]}: how the driver's Filters.and writes a guarded write.
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object part : conditions) {
                List<Object> named = part instanceof Document document ? idsOf(document, idField) : null;
                if (named != null) {
                    return named;
                }
            }
        }
        return null;
    }

    /**
     * Whether a value's equality in the stores' maps (Java's) is MongoDB's: strings, ObjectIds and UUIDs. Numbers are
     * not (1 and 1.0 are equal in MongoDB), nor sub-documents (field order).
     */
    static boolean isKey(Object value) {
        return value instanceof String || value instanceof ObjectId || value instanceof UUID;
    }
}
