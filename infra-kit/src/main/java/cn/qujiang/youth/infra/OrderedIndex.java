package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A declared non-unique index {@code {A: 1}} or {@code {A: 1, B: 1}} (top-level fields), kept in memory, for queries
 * with an equality on A ({@code $eq} allowed), narrowed further by a range on B
 * ({@code {$lte/$lt/$gte/$gt: date or number}}) where the query has one; other conditions may stand beside them.
 * mongo-java-server ignores non-unique indexes and scans the whole collection: notification-service's claim of its
 * next due delivery ({@code {status: "PENDING", nextAttemptAt: {$lte: now}}}, sorted by {@code nextAttemptAt}, the
 * collection indexed on {@code {status: 1, nextAttemptAt: 1}}) thereby read every delivery ever sent, talent-service's
 * check of an applicant's open applications after each match ({@code {applicantId, measureCode: {$in}, status: {$in}}},
 * indexed on {@code applicantId}) every application. A real MongoDB answers both from their indexes; so does this,
 * and the services' schema and queries stay as they would be in production.
 *
 * <p>It only narrows where the library looks: the library still matches every document it names against the whole
 * query and sorts them (so any sort is answered right), so it may name too many (a range's bounds are taken
 * inclusively, a document whose B is missing or neither a date nor a number is always named with its A) but never
 * too few. It names them in the collection's own order, so an unsorted query answers as a scan would. A query
 * without an equality on A is scanned as before, one that names its ids is left to the id lookup. The library
 * rebuilds it from the documents when the collection is opened, keeps it through its own index calls on insert,
 * update, replace and delete, and drops it with the collection.
 *
 * <p>Writes reach it under the collection's lock (the library's collections are synchronized, {@link
 * IdLookupH2Backend} adds adding and dropping indexes), so there is one writer at a time; the maps are concurrent
 * only because the library counts documents without that lock.
 */
final class OrderedIndex extends Index<Object> {

    private static final List<String> RANGE_OPERATORS = List.of("$gt", "$gte", "$lt", "$lte");

    /**
     * Where one document is filed: under its A value (each value of an array, as MongoDB's multikey index: a query
     * {@code {A: x}} matches an array holding x), then its B as a range key (null: unordered).
     */
    private record Slot(Set<Object> equalityValues, Object rangeKey) {}

    private final String equalityField;
    /** B, or null for an index of one field. */
    private final String rangeField;
    private final Comparator<Object> positionOrder;
    private final Map<Object, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<Object, Slot> slots = new ConcurrentHashMap<>();

    /** Whether {@code keys} are an index this class can keep: one or two ascending top-level fields. */
    static boolean fits(List<IndexKey> keys) {
        return (keys.size() == 1 || keys.size() == 2)
                && keys.stream().allMatch(key -> key.isAscending() && !key.getKey().contains("."));
    }

    /**
     * Sparse as the library's own stand-in for such an index ({@code EmptyIndex}): a sparse index may not hold a
     * document, so when this one names no position for a deleted document the library takes the {@code _id} index's.
     */
    OrderedIndex(String name, List<IndexKey> keys, Comparator<Object> positionOrder) {
        super(name, keys, true);
        equalityField = keys.get(0).getKey();
        rangeField = keys.size() == 2 ? keys.get(1).getKey() : null;
        this.positionOrder = positionOrder;
    }

    /** A query that names its ids is left to the id lookup ({@link IdLookup}), which reads fewer documents. */
    @Override
    public boolean canHandle(Document query) {
        return equalityValue(query.get(equalityField)) != null && IdLookup.idsOf(query, "_id") == null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        List<Object> positions = new ArrayList<>();
        Bucket bucket = buckets.get(equalityValue(query.get(equalityField)));
        if (bucket != null) {
            positions.addAll(bucket.unordered);
            Object range = rangeField == null ? null : query.get(rangeField);
            range(bucket.ordered, isRange(range) ? (Document) range : null).values().forEach(positions::addAll);
        }
        positions.sort(positionOrder);
        return positions;
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        Object value = document.get(equalityField);
        Set<Object> values = new HashSet<>();
        for (Object one : value instanceof Collection<?> array ? array : Collections.singletonList(value)) {
            // Any other value (missing, null, a number, a sub-document) never equals one this index is asked for.
            if (IdLookup.isKey(one)) {
                values.add(one);
            }
        }
        if (!values.isEmpty()) {
            Slot slot = new Slot(values, rangeField == null ? null : rangeKey(document.get(rangeField)));
            values.forEach(one -> buckets.computeIfAbsent(one, v -> new Bucket()).add(slot.rangeKey(), position));
            slots.put(position, slot);
        }
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
        if (slot != null) {
            for (Object value : slot.equalityValues()) {
                Bucket bucket = buckets.get(value);
                bucket.remove(slot.rangeKey(), position);
                if (bucket.isEmpty()) {
                    buckets.remove(value);
                }
            }
        }
    }

    @Override
    public void drop() {
        buckets.clear();
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
        return IdLookup.isKey(condition) ? condition : null;
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
