package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * mongo-java-server's memory store with two things a real MongoDB does not pay for on every write either:
 * <ul>
 * <li>A query that names its {@code _id}s next to other conditions ({@code {_id, lock}}: how a service guards a
 * write against a concurrent one; {@code {_id: {$in: [...]}, ...}}) reads those documents from the {@code _id}
 * index, as {@link IdLookupH2Backend} does on the file store and a real MongoDB does. The server itself uses an
 * index only when the query's keys are exactly the index's, and scanned the collection once per such write; a
 * service would otherwise need an index of its own on {@code (_id, lock)} that MongoDB does not.</li>
 * <li>The collection's data size ({@code collStats}) is added up when it is asked for. The server kept it current
 * by encoding the whole document twice on every update (before and after), a fifth of its CPU under a bulk write,
 * for a figure nobody reads while writing.</li>
 * </ul>
 * Everything else, and every answer, is the library's.
 */
final class IdLookupMemoryBackend extends MemoryBackend {
    private final CollectionScans scans;

    IdLookupMemoryBackend(CollectionScans scans) {
        this.scans = scans;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry(), scans);
    }

    private static final class Database extends MemoryDatabase {
        private final CollectionScans scans;

        Database(String databaseName, CursorRegistry cursorRegistry, CollectionScans scans) {
            super(databaseName, cursorRegistry);
            this.scans = scans;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry, scans);
        }
    }

    private static final class Collection extends MemoryCollection {
        private final CollectionScans scans;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                CursorRegistry cursorRegistry, CollectionScans scans) {
            super(database, collectionName, options, cursorRegistry);
            this.scans = scans;
        }

        /** Called when no index takes the query as it is: named {@code _id}s are read from the id index. */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            List<Object> ids = IdLookup.idsOf(query, getIdField());
            Index<Integer> idIndex = ids == null ? null : idIndex();
            if (idIndex == null) {
                // null in system.indexes, which the database's constructor opens before its field is set
                if (scans != null) {
                    scans.count(getFullName());
                }
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            // In the order of insertion, as a scan would return them; the other conditions matched as in a scan.
            Stream<Document> documents = ids.stream()
                    .flatMap(id -> StreamSupport.stream(idIndex.getPositions(new Document(getIdField(), id))
                            .spliterator(), false))
                    .sorted().map(this::getDocument);
            return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        private Index<Integer> idIndex() {
            for (Index<Integer> index : getIndexes()) {
                List<IndexKey> keys = index.getKeys();
                if (index.isUnique() && keys.size() == 1 && keys.get(0).getKey().equals(getIdField())) {
                    return index;
                }
            }
            return null;
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** The BSON size of every document, as the library would have kept it, added up now. */
        @Override
        protected synchronized int getDataSize() {
            ByteBuf buffer = Unpooled.buffer();
            try {
                return streamAllDocumentsWithPosition().mapToInt(stored -> {
                    buffer.clear();
                    BsonEncoder.encodeDocument(stored.getDocument(), buffer);
                    return buffer.writerIndex();
                }).sum();
            } finally {
                buffer.release();
            }
        }
    }
}
