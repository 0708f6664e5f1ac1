package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 store, answering a query that names its {@code _id}s by looking those documents up. The
 * server uses an index only when the query's keys are exactly the index's, so {@code {_id, version}} (how every
 * service guards a write against a concurrent one) read and matched the whole collection: under load that was most
 * of the dev database's CPU and grew with the data. A real MongoDB answers such a query from its {@code _id} index; so
 * does this, and the services' schema and queries stay as they would be in production.
 *
 * <p>Documents are kept under their {@code _id} value ({@link H2Collection}), so the lookup is one map read per id
 * ({@code {_id, version}}, {@code {_id: {$in: [...]}, ...}}, also inside {@code $and}); it is only taken for the ids
 * {@link IdLookup} names. Anything else is scanned as before.
 *
 * <p>For the same reason a declared non-unique index on one or two fields, {@code {A: 1}} or {@code {A: 1, B: 1}},
 * which the server would ignore, is kept as an {@link OrderedIndex}: a query with an equality on A (and an optional
 * range on B) then reads the documents with that A only — notification-service's claim of its next due delivery,
 * talent-service's look-up of an applicant's applications.
 */
final class IdLookupH2Backend extends H2Backend {

    private final CollectionScans scans;

    IdLookupH2Backend(String file, CollectionScans scans) {
        super(file);
        this.scans = scans;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    /**
     * Not static: {@link H2Database}'s constructor opens the existing collections, before a field of this class
     * would be set, while the enclosing backend (and so its store) is known from the start.
     */
    private final class Database extends H2Database {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, getMvStore(), cursorRegistry);
        }

        /** The maps are named as {@link H2Database} names them, so a data file written by either opens in both. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new Collection(this, collectionName, options, dataMap(collectionName),
                    getMvStore().openMap("meta." + namespace), cursorRegistry);
        }

        /** The collection's documents by {@code _id}; opening a map that is open returns it. */
        private MVMap<Object, Document> dataMap(String collectionName) {
            return getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName));
        }

        /**
         * Called for each non-unique index, on {@code createIndexes} and again for every declared one when the file is
         * opened; the collection then fills the index from its documents.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            if (OrderedIndex.fits(keys)) {
                // Positions are the documents' ids: in the data map's order, as a scan reads them.
                return new OrderedIndex(indexName, keys, dataMap(collectionName).getKeyType()::compare);
            }
            return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }

        /**
         * Every unique index ({@code _id} first) in memory, filled from the documents by the collection when it is
         * added. The library's map of it in the file (named as {@link H2Database} names it) goes: kept, it would go
         * stale, and a file opened by the library as it is then finds no such map and fills a new one from the
         * documents, as this does.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            getMvStore().removeMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
            return new HashedUniqueIndex(indexName, keys, sparse);
        }
    }

    /** Not static either: collections opened by the backend's constructor count their scans in its field, set later. */
    private final class Collection extends H2Collection {
        private final MVMap<Object, Document> dataMap;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
            this.dataMap = dataMap;
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                int batchSize, Document fieldSelector) {
            List<Object> ids = IdLookup.idsOf(query, getIdField());
            if (ids != null) {
                // In the map's order, as a scan would return them.
                Stream<Document> documents = ids.stream().sorted(dataMap.getKeyType()::compare).map(this::getDocument)
                        .filter(Objects::nonNull);
                return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, numberToReturn, batchSize,
                        fieldSelector);
            }
            if (scans != null) { // null while the backend's constructor opens the file and refills indexes
                scans.count(getFullName());
            }
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }

        /**
         * The library fills a new index and changes the list of indexes outside the collection's lock, which its
         * queries and writes hold; taking it here, no write is missed by an index being filled and no query meets
         * one half dropped.
         */
        @Override
        public synchronized void addIndex(Index<Object> index) {
            super.addIndex(index);
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
        }
    }
}
