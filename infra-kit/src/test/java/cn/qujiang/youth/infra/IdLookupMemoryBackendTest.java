package cn.qujiang.youth.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * The memory store that answers {@code {_id, ...}} from the id index and adds up its data size when asked: every
 * answer must be the library's own memory store's, whatever the ids and whichever writes came before.
 */
class IdLookupMemoryBackendTest {
    private static final String COLLECTION = "applicants";

    @Test
    void guardedWritesAndReadsByIdAnswerAsTheLibrarysStoreDoes() {
        Random random = new Random(11);
        MongoServer library = new MongoServer(new MemoryBackend());
        int port = Ports.free();
        library.bind("127.0.0.1", port);
        try (MongoWireServer ours = MongoWireServer.inMemory(Ports.free()).start();
                MongoClient ourClient = MongoClients.create(ours.uri("test"));
                MongoClient libraryClient = MongoClients.create("mongodb://127.0.0.1:" + port + "/test")) {
            Mirror both = new Mirror(ourClient.getDatabase("test"), libraryClient.getDatabase("test"));
            List<Object> ids = ids(random);
            for (Object id : ids.subList(0, 60)) {
                Document applicant = applicant(id, 1, random.nextInt(100));
                both.answer("insert", c -> c.insertOne(new Document(applicant)));
            }
            for (int step = 0; step < 1500; step++) {
                Object id = ids.get(random.nextInt(ids.size()));
                long lock = random.nextInt(4);
                Document guarded = guard(random, id, lock, ids.get(random.nextInt(ids.size())));
                Document write = new Document("$set", new Document("value", random.nextInt(100)))
                        .append("$inc", new Document("lock", 1L));
                switch (random.nextInt(11)) {
                    case 0 -> {
                        Document applicant = applicant(id, lock, random.nextInt(100));
                        both.answer("insert " + id, c -> c.insertOne(new Document(applicant)));
                    }
                    case 1 -> both.answer("guarded update " + guarded, c -> c.updateOne(guarded, write));
                    case 2 -> both.answer("guarded upsert " + guarded,
                            c -> c.updateOne(guarded, write, new UpdateOptions().upsert(true)));
                    case 3 -> both.answer("guarded delete " + guarded, c -> c.deleteOne(guarded).getDeletedCount());
                    case 4 -> both.answer("find " + guarded, c -> c.find(guarded).into(new ArrayList<>()));
                    case 5 -> {
                        Document range = new Document("_id", id).append("value",
                                new Document("$gte", random.nextInt(100)));
                        both.answer("find " + range, c -> c.find(range).projection(new Document("value", 1))
                                .into(new ArrayList<>()));
                    }
                    case 6 -> both.answer("find and update " + guarded, c -> c.findOneAndUpdate(guarded, write,
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
                    case 7 -> {
                        // How a re-match writes a page: unordered guarded updates, some of them stale.
                        List<WriteModel<Document>> page = new ArrayList<>();
                        for (int i = 0; i < 20; i++) {
                            page.add(new UpdateOneModel<>(new Document("_id", ids.get(random.nextInt(ids.size())))
                                    .append("lock", (long) random.nextInt(4)), write));
                        }
                        both.answer("bulk write", c -> c.bulkWrite(page, new BulkWriteOptions().ordered(false))
                                .getMatchedCount());
                    }
                    case 8 -> both.answer("find " + id, c -> c.find(new Document("_id", id)).first());
                    case 9 -> {
                        // As a service reads several by id: unsorted, so also in the scan's order; a repeated id.
                        List<Object> some = List.of(id, ids.get(random.nextInt(ids.size())), id);
                        Document in = new Document("_id", new Document("$in", some));
                        Document query = random.nextBoolean() ? in.append("lock", lock)
                                : new Document("$and", List.of(new Document("lock", lock), in));
                        both.answer("find " + query, c -> c.find(query).into(new ArrayList<>()));
                    }
                    default -> both.sameSize();
                }
            }
            both.answer("everything", c -> sortedById(c.find()));
            assertThat(both.sameSize().getInteger("size")).isPositive();
        } finally {
            library.shutdown();
        }
    }

    /**
     * {@code {_id, lock}} as a service writes it by hand, or as the driver's {@code Filters.and} writes it
     * ({@code $and}), sometimes with a second, other {@code _id} among the conditions (matches nothing).
     */
    private static Document guard(Random random, Object id, long lock, Object otherId) {
        return switch (random.nextInt(4)) {
            case 0, 1 -> new Document("_id", id).append("lock", lock);
            case 2 -> new Document("$and", List.of(new Document("_id", id), new Document("lock", lock)));
            default -> new Document("$and", List.of(new Document("lock", lock), new Document("_id", id),
                    new Document("_id", otherId)));
        };
    }

    /** Strings and ObjectIds (looked up), numbers and documents (scanned as before). */
    private static List<Object> ids(Random random) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ids.add(switch (i % 4) {
                case 0, 1 -> "applicant-" + i;
                case 2 -> new ObjectId(String.format("%024x", i));
                default -> random.nextBoolean() ? (Object) i : new Document("tenant", "t").append("n", i);
            });
        }
        return ids;
    }

    private static Document applicant(Object id, long lock, int value) {
        return new Document("_id", id).append("lock", lock).append("value", value)
                .append("results", List.of("QJY-01|1|ELIGIBLE", "QJY-02|3|INELIGIBLE"));
    }

    private static List<Document> sortedById(Iterable<Document> documents) {
        List<Document> list = new ArrayList<>();
        documents.forEach(list::add);
        list.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return list;
    }

    /** The same operation on both stores, with the same answer or the same error code. */
    private record Mirror(MongoDatabase ours, MongoDatabase library) {

        void answer(String what, Function<MongoCollection<Document>, Object> operation) {
            assertThat(outcome(operation, applicants(ours))).as(what)
                    .isEqualTo(outcome(operation, applicants(library)));
        }

        /** collStats of both: the same count, size and average size. Returns ours. */
        Document sameSize() {
            Document ask = new Document("collStats", COLLECTION);
            Document ourStats = ours.runCommand(ask);
            Document libraryStats = library.runCommand(ask);
            for (String figure : List.of("count", "size", "avgObjSize")) {
                assertThat(ourStats.get(figure)).as(figure).isEqualTo(libraryStats.get(figure));
            }
            return ourStats;
        }

        private static MongoCollection<Document> applicants(MongoDatabase database) {
            return database.getCollection(COLLECTION);
        }

        private static Object outcome(Function<MongoCollection<Document>, Object> operation,
                MongoCollection<Document> collection) {
            try {
                Object answer = operation.apply(collection);
                return answer instanceof Document document ? document.toJson() : String.valueOf(answer);
            } catch (MongoException e) {
                return "error " + e.getCode();
            }
        }
    }
}
