package cn.qujiang.youth.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * talent-service's look-up of an applicant's open applications after each match, on the file store with the
 * {@code {applicantId: 1}} index: the same answers, in the same order, as the same store without the index, and only
 * that applicant's applications read.
 */
class EqualityIndexH2BackendTest {
    private static final List<String> STATUSES = List.of("OFFERED", "SUBMITTED", "APPROVED", "REJECTED", "LAPSED");
    private static final List<String> MEASURES = List.of("QJY-01", "QJY-02", "QJY-03", "QJY-04", "QJY-05");

    @TempDir
    Path data;

    @Test
    void anApplicantsApplicationsAnswerAsAScanOfTheSameStoreDoes() {
        Random random = new Random(5);
        try (MongoWireServer indexed = MongoWireServer.persistent(Ports.free(), data.resolve("indexed.mv")).start();
                MongoWireServer scanned = MongoWireServer.persistent(Ports.free(), data.resolve("scanned.mv")).start();
                MongoClient indexedClient = MongoClients.create(indexed.uri("talent"));
                MongoClient scannedClient = MongoClients.create(scanned.uri("talent"))) {
            MongoCollection<Document> withIndex = applications(indexedClient);
            withIndex.createIndex(new Document("applicantId", 1));
            Mirror both = new Mirror(withIndex, applications(scannedClient));
            for (int i = 0; i < 300; i++) {
                Document application = application(random, "x" + i);
                both.run(c -> c.insertOne(new Document(application)));
            }
            for (int step = 0; step < 600; step++) {
                Document byId = new Document("_id", "x" + random.nextInt(320));
                switch (random.nextInt(6)) {
                    case 0 -> {
                        Document update = new Document("$set", new Document("applicantId", applicant(random)));
                        both.run(c -> c.updateOne(byId, update));
                    }
                    case 1 -> {
                        Document update = new Document("$set", new Document("status", pick(random, STATUSES)));
                        Document ofOne = new Document("applicantId", applicant(random));
                        both.run(c -> c.updateMany(ofOne, update));
                    }
                    case 2 -> both.run(c -> c.deleteOne(byId));
                    case 3 -> {
                        Document replacement = application(random, "x" + random.nextInt(320));
                        both.run(c -> c.replaceOne(new Document("_id", replacement.get("_id")), replacement));
                    }
                    default -> {
                        for (Document query : queries(random)) {
                            both.assertSame(query.toJson(), c -> c.find(query).into(new ArrayList<>()));
                        }
                    }
                }
            }
            for (int a = 0; a < 32; a++) {
                Document query = new Document("applicantId", "a" + a);
                both.assertSame(query.toJson(), c -> c.find(query).into(new ArrayList<>()));
            }
        }
    }

    /** The look-up after a match reads that applicant's few applications, not the collection, and scans nothing. */
    @Test
    void theLookUpReadsOneApplicantsApplicationsOnly() {
        CollectionScans scans = new CollectionScans();
        IdLookupH2Backend backend = new IdLookupH2Backend(data.resolve("narrow.mv").toString(), scans);
        MongoServer server = new MongoServer(backend);
        int port = Ports.free();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> applications = applications(client);
            applications.createIndex(new Document("applicantId", 1));
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                many.add(new Document("_id", "x" + i).append("applicantId", "a" + i % 250)
                        .append("measureCode", MEASURES.get(i % 5)).append("status", STATUSES.get(i % 3)));
            }
            applications.insertMany(many);
            Document open = openApplications("a7");

            assertThat(applications.find(open).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("x507", "x7", "x757");
            assertThat(positions(backend, open)).containsExactly("x257", "x507", "x7", "x757");
            Document guarded = new Document("_id", "x7").append("applicantId", "a7");
            assertThat(index(backend).canHandle(toServer(guarded))).as("left to the _id lookup").isFalse();
            assertThat(applications.find(guarded).first()).containsEntry("status", "SUBMITTED");

            // An array is filed under each of its values, as MongoDB's multikey index (policy's eligible lists).
            applications.insertOne(new Document("_id", "shared").append("applicantId", List.of("a7", "a249"))
                    .append("measureCode", "QJY-02").append("status", "OFFERED"));
            assertThat(positions(backend, new Document("applicantId", "a249")))
                    .containsExactly("shared", "x249", "x499", "x749", "x999");
            assertThat(applications.find(open).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("shared", "x507", "x7", "x757");
            applications.updateOne(new Document("_id", "shared"),
                    new Document("$set", new Document("applicantId", List.of("a249"))));
            assertThat(positions(backend, open)).containsExactly("x257", "x507", "x7", "x757");
            assertThat(scans.snapshot()).isEmpty();

            applications.find(new Document("status", "OFFERED")).first();
            assertThat(scans.snapshot()).containsExactly(java.util.Map.entry("talent.applications", 1L));
        } finally {
            server.shutdown();
        }
    }

    /** As talent-service asks after a match: this applicant's applications of these measures still open. */
    private static Document openApplications(String applicantId) {
        return new Document("applicantId", applicantId)
                .append("measureCode", new Document("$in", List.of("QJY-02", "QJY-03", "QJY-04")))
                .append("status", new Document("$in", List.of("OFFERED", "SUBMITTED")));
    }

    private static List<Document> queries(Random random) {
        String applicant = "a" + random.nextInt(32);
        return List.of(new Document("applicantId", applicant), openApplications(applicant),
                new Document("applicantId", new Document("$eq", applicant)).append("status", pick(random, STATUSES)),
                new Document("applicantId", applicant).append("$or", List.of(
                        new Document("status", "OFFERED"), new Document("measureCode", "QJY-01"))));
    }

    /** Applications as the service writes them, and a few it never would: an applicant list, none, an ObjectId. */
    private static Document application(Random random, String id) {
        return new Document("_id", id).append("applicantId", applicant(random))
                .append("measureCode", pick(random, MEASURES)).append("status", pick(random, STATUSES));
    }

    private static Object applicant(Random random) {
        return switch (random.nextInt(25)) {
            case 0 -> List.of("a" + random.nextInt(32), "a" + random.nextInt(32));
            case 1 -> null;
            case 2 -> new ObjectId(String.format("%024x", random.nextInt(32)));
            case 3 -> random.nextInt(32);
            default -> "a" + random.nextInt(32);
        };
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static MongoCollection<Document> applications(MongoClient client) {
        return client.getDatabase("talent").getCollection("applications");
    }

    @SuppressWarnings("unchecked")
    private static Index<Object> index(IdLookupH2Backend backend) {
        return (Index<Object>) backend.resolveDatabase("talent").resolveCollection("applications", true).getIndexes()
                .stream().filter(OrderedIndex.class::isInstance).findFirst().orElseThrow();
    }

    private static List<Object> positions(IdLookupH2Backend backend, Document query) {
        List<Object> positions = new ArrayList<>();
        index(backend).getPositions(toServer(query)).forEach(positions::add);
        return positions;
    }

    /** The query as the server receives it. */
    private static de.bwaldvogel.mongo.bson.Document toServer(Document query) {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
        query.forEach((key, value) -> document.put(key, value instanceof Document d ? toServer(d) : value));
        return document;
    }

    /** The same operations on the store with the index and on the one without. */
    private record Mirror(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {

        void run(java.util.function.Consumer<MongoCollection<Document>> operation) {
            operation.accept(indexed);
            operation.accept(scanned);
        }

        void assertSame(String what, Function<MongoCollection<Document>, Object> query) {
            assertThat(query.apply(indexed)).as(what).isEqualTo(query.apply(scanned));
        }
    }
}
