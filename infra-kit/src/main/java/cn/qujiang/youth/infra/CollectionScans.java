package cn.qujiang.youth.infra;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often the dev database answered a query by reading a whole collection (no index, no {@code _id} lookup took
 * it), per {@code database.collection}. A real MongoDB would use an index for most of what the services ask; a hot
 * query that scans here (talent's guarded match writes did, on every event, unnoticed until a load run collapsed) is
 * either a query the dev stores do not recognise or one without an index anywhere. The load harness prints it per
 * save.
 */
public final class CollectionScans {
    private final Map<String, LongAdder> byCollection = new ConcurrentHashMap<>();

    /** {@code database.collection}; the server's own bookkeeping ({@code system.*}) is not what a service asked. */
    void count(String fullName) {
        if (!fullName.contains(".system.")) {
            byCollection.computeIfAbsent(fullName, name -> new LongAdder()).increment();
        }
    }

    /** Scans so far, by {@code database.collection}, in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byCollection.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }
}
