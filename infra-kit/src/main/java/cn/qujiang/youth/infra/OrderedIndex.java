package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A declared non-unique index {@code {A: 1, B: 1}} (top-level fields), kept in memory, for queries of the shape
 * {@code {A: value, B: {$lte/$lt/$gte/$gt: date or number}}} (the range optional, {@code $eq} allowed on A).
 * mongo-java-server ignores non-unique indexes and scans the whole collection; notification-service's claim of its
 * next due delivery ({@code {status: "PENDING", nextAttemptAt: {$lte: now}}}, sorted by {@code nextAttemptAt}, the
 * collection indexed on {@code {status: 1, nextAttemptAt: 1}}) thereby read every delivery ever sent. A real MongoDB
 * answers it from that index; so does this, and the services' schema and queries stay as they would be in production.
 *
 * <p>It only narrows where the library looks: the library still matches every document it names against the whole
 * query and sorts them (so any sort is answered right), so it may name too many (a range's bounds are taken
 * inclusively, a document whose A is an array or whose B is missing or neither a date nor a number is always named)
 * but never too few. Any other query is
 * scanned as before. The library rebuilds it from the documents when the collection is opened, keeps it through its
 * own index calls on insert, update, replace and delete, and drops it with the collection.
 *
 * <p>Writes reach it under the collection's lock (the library's collections are synchronized, {@link
 * IdLookupH2Backend} adds adding and dropping indexes), so there is one writer at a time; the maps are concurrent
 * only because the library counts documents without that lock.
 */
final class OrderedIndex extends Index<Object> {

    private static final List<String> RANGE_OPERATORS = List.of("$gt", "$gte", "$lt", "$lte");

    /** Where one document is filed: under its A value, then its B as a range key (null: unordered). */
    private record Slot(Object equalityValue, Object rangeKey) {}

    /** The slot of a document whose A is an array: it may equal any queried value. */
    private static final Slot MULTIKEY = new Slot(null, null);

    private final String equalityField;
    private final String rangeField;
    private final Map<Object, Bucket> buckets = new ConcurrentHashMap<>();
    private final Set<Object> multikey = ConcurrentHashMap.newKeySet();
    private final Map<Object, Slot> slots = new ConcurrentHashMap<>();

    /** Whether {@code keys} are an index this class can keep: two ascending top-level fields. */
    static boolean fits(List<IndexKey> keys) {
        return keys.size() == 2 && keys.stream().allMatch(key -> key.isAscending() && !key.getKey().contains("."));
    }

    /**
     * Sparse as the library's own stand-in for such an index ({@code EmptyIndex}): a sparse index may not hold a
     * document, so when this one names no position for a deleted document the library takes the {@code _id} index's.
     */
    OrderedIndex(String name, List<IndexKey> keys) {
        super(name, keys, true);
        equalityField = keys.get(0).getKey();
        rangeField = keys.get(1).getKey();
    }

    @Override
    public boolean canHandle(Document query) {
        Set<String> fields = query.keySet();
        if (equalityValue(query.get(equalityField)) == null) {
            return false;
        }
        return fields.size() == 1 || fields.size() == 2 && isRange(query.get(rangeField));
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        List<Object> positions = new ArrayList<>(multikey);
        Bucket bucket = buckets.get(equalityValue(query.get(equalityField)));
        if (bucket != null) {
            positions.addAll(bucket.unordered);
            range(bucket.ordered, (Document) query.get(rangeField)).values().forEach(positions::addAll);
        }
        return positions;
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        Object value = document.get(equalityField);
        if (value instanceof Collection) {
            multikey.add(position);
            slots.put(position, MULTIKEY);
        } else if (isKey(value)) {
            Slot slot = new Slot(value, rangeKey(document.get(rangeField)));
            buckets.computeIfAbsent(value, v -> new Bucket()).add(slot.rangeKey(), position);
            slots.put(position, slot);
        }
        // Any other A (missing, null, a number, ...) never equals a value this index is asked for.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        unfile(position);
        add(newDocument, position, collection);
    }

    /** H2Collection keeps a document under its {@code _id}, which is therefore the position it was added with. */
    @Override
    public Object remove(Document document) {
        Object id = document.get("_id");
        if (id != null) {
            unfile(id);
        }
        return null;
    }

    private void unfile(Object position) {
        Slot slot = slots.remove(position);
        if (slot == MULTIKEY) {
            multikey.remove(position);
        } else if (slot != null) {
            Bucket bucket = buckets.get(slot.equalityValue());
            bucket.remove(slot.rangeKey(), position);
            if (bucket.isEmpty()) {
                buckets.remove(slot.equalityValue());
            }
        }
    }

    @Override
    public void drop() {
        buckets.clear();
        multikey.clear();
        slots.clear();
    }

    @Override
    public long getCount() {
        return slots.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    /** Only a unique index names a document's position; the library then asks the {@code _id} index. */
    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    /** The queried value of A if it is one this index files documents under (whose equality is Java's), else null. */
    private static Object equalityValue(Object condition) {
        if (condition instanceof Document operator && operator.size() == 1 && operator.containsKey("$eq")) {
            condition = operator.get("$eq");
        }
        return isKey(condition) ? condition : null;
    }

    private static boolean isKey(Object value) {
        return value instanceof String || value instanceof ObjectId || value instanceof UUID;
    }

    private static boolean isRange(Object condition) {
        return condition instanceof Document operators && !operators.isEmpty()
                && operators.entrySet().stream().allMatch(
                        op -> RANGE_OPERATORS.contains(op.getKey()) && rangeKey(op.getValue()) != null);
    }

    /**
     * B as the ordered map keeps it: a date as itself, a number as a double (rounding never reorders numbers, and the
     * bounds are inclusive), anything else null. A date matches only a date range and a number only a number range.
     */
    private static Object rangeKey(Object value) {
        if (value instanceof Instant) {
            return value;
        }
        return value instanceof Number number ? number.doubleValue() : null;
    }

    /** Numbers before dates, as MongoDB orders them. */
    private static int compareRangeKeys(Object left, Object right) {
        if (left instanceof Double l && right instanceof Double r) {
            return Double.compare(l, r);
        }
        if (left instanceof Instant l && right instanceof Instant r) {
            return l.compareTo(r);
        }
        return left instanceof Double ? -1 : 1;
    }

    /**
     * The part of {@code ordered} a range condition can match, bounds inclusive. An open end may take in keys of the
     * other kind (numbers below a date); the library's match drops them.
     */
    private static NavigableMap<Object, Set<Object>> range(NavigableMap<Object, Set<Object>> ordered,
            Document condition) {
        if (condition == null) {
            return ordered;
        }
        Object low = null;
        Object high = null;
        for (Map.Entry<String, Object> op : condition.entrySet()) {
            if (op.getKey().startsWith("$g")) {
                low = rangeKey(op.getValue());
            } else {
                high = rangeKey(op.getValue());
            }
        }
        if (low == null) {
            return ordered.headMap(high, true);
        }
        if (high == null) {
            return ordered.tailMap(low, true);
        }
        if (compareRangeKeys(low, high) > 0) {
            return Collections.emptyNavigableMap();
        }
        return ordered.subMap(low, true, high, true);
    }

    /** The documents with one value of A: by B where it is a date or a number, the rest unordered. */
    private static final class Bucket {
        final NavigableMap<Object, Set<Object>> ordered = new ConcurrentSkipListMap<>(OrderedIndex::compareRangeKeys);
        final Set<Object> unordered = ConcurrentHashMap.newKeySet();

        void add(Object rangeKey, Object position) {
            if (rangeKey == null) {
                unordered.add(position);
            } else {
                ordered.computeIfAbsent(rangeKey, k -> ConcurrentHashMap.newKeySet()).add(position);
            }
        }

        void remove(Object rangeKey, Object position) {
            if (rangeKey == null) {
                unordered.remove(position);
            } else {
                Set<Object> positions = ordered.get(rangeKey);
                positions.remove(position);
                if (positions.isEmpty()) {
                    ordered.remove(rangeKey);
                }
            }
        }

        boolean isEmpty() {
            return ordered.isEmpty() && unordered.isEmpty();
        }
    }
}
