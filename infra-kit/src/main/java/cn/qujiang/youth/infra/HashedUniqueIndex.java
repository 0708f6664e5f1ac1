package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index of the file store ({@link IdLookupH2Backend}) kept in memory and filled from the documents when the
 * file is opened. The library keeps it in an H2 map whose keys ({@link KeyValue}, not {@link Comparable}) H2 orders
 * by their Java serialisation: every step of a look-up serialised two keys, so the {@code _id} index alone — read by
 * every write and by most queries — was a quarter of the dev database's CPU under load (load-harness README). Equal
 * keys here are equal key values, as in the in-memory store ({@code 1} and {@code 1.0} are one key).
 *
 * <p>Positions are the documents' {@code _id}s, as the file store's own; an absent one is kept as {@link Missing}
 * (a map holds no null), as the library's index keeps it.
 */
final class HashedUniqueIndex extends AbstractUniqueIndex<Object> {
    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    HashedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
