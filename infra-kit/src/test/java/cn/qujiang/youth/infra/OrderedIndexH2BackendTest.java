package cn.qujiang.youth.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notification-service's claim of its next due delivery, on the file store with the {@code {status, nextAttemptAt}}
 * index: what it returns must be what a scan of the whole collection would.
 */
class OrderedIndexH2BackendTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "DROPPED");

    @TempDir
    Path data;

    @Test
    void aClaimTakesTheEarliestDuePendingDeliveryAndNothingElse() {
        try (MongoWireServer server = MongoWireServer.persistent(Ports.free(), data.resolve("claim.mv")).start();
                MongoClient client = MongoClients.create(server.uri("notification"))) {
            MongoCollection<Document> deliveries = deliveries(client);
            deliveries.insertMany(List.of(delivery("a", "PENDING", NOW.minusSeconds(180)),
                    delivery("b", "PENDING", NOW.minusSeconds(60)), delivery("now", "PENDING", NOW),
                    delivery("future", "PENDING", NOW.plusSeconds(300)),
                    delivery("sent", "SENT", NOW.minusSeconds(600)), delivery("failed", "FAILED", NOW.minusSeconds(1200)),
                    new Document("_id", "done").append("status", "SENT"),
                    new Document("_id", "unscheduled").append("status", "PENDING")));

            assertThat(claim(deliveries, NOW, NOW.plusSeconds(30)))
                    .containsEntry("_id", "a").containsEntry("nextAttemptAt", Date.from(NOW.plusSeconds(30)));
            assertThat(claim(deliveries, NOW, NOW.plusSeconds(30))).containsEntry("_id", "b");
            assertThat(claim(deliveries, NOW, NOW.plusSeconds(40))).containsEntry("_id", "now");
            assertThat(claim(deliveries, NOW, NOW.plusSeconds(30))).isNull();

            deliveries.updateOne(new Document("_id", "a"), new Document("$set", new Document("status", "SENT"))
                    .append("$unset", new Document("nextAttemptAt", "").append("claim", "")));
            deliveries.deleteOne(new Document("_id", "b"));
            Instant later = NOW.plusSeconds(600);
            assertThat(claim(deliveries, later, later.plusSeconds(30))).containsEntry("_id", "now");
            assertThat(claim(deliveries, later, later.plusSeconds(30))).containsEntry("_id", "future");
            assertThat(claim(deliveries, later, later.plusSeconds(30))).isNull();

            deliveries.insertOne(delivery("late", "PENDING", NOW.plusSeconds(60)));
            deliveries.insertOne(delivery("early", "PENDING", NOW.minusSeconds(3600)));
            assertThat(claim(deliveries, later, later.plusSeconds(30))).containsEntry("_id", "early");
            assertThat(claim(deliveries, later, later.plusSeconds(30))).containsEntry("_id", "late");
            assertThat(claim(deliveries, later, later.plusSeconds(30))).isNull();
        }
    }

    /** Random deliveries and random changes, the same on the file store and on the memory store (a plain scan). */
    @Test
    void everyQueryOfTheIndexedShapeAnswersAsAScanDoes() {
        Random random = new Random(42);
        try (MongoWireServer indexed = MongoWireServer.persistent(Ports.free(), data.resolve("random.mv")).start();
                MongoWireServer scanned = MongoWireServer.inMemory(Ports.free()).start();
                MongoClient indexedClient = MongoClients.create(indexed.uri("notification"));
                MongoClient scannedClient = MongoClients.create(scanned.uri("notification"))) {
            Mirror both = new Mirror(deliveries(indexedClient), deliveries(scannedClient));
            RandomDeliveries generator = new RandomDeliveries(random);
            for (int i = 0; i < 300; i++) {
                both.insert(generator.next("d" + i));
            }
            both.assertSameAnswers(generator);

            for (int step = 0; step < 600; step++) {
                String id = "d" + random.nextInt(320);
                Document byId = new Document("_id", id);
                switch (random.nextInt(8)) {
                    case 0 -> both.insert(generator.next(id + "-" + random.nextInt()));
                    case 1 -> {
                        Document update = new Document("$set", new Document("status", generator.status()));
                        both.run(c -> c.updateOne(byId, update));
                    }
                    case 2 -> {
                        Document update = new Document("$set", new Document("nextAttemptAt", generator.nextAttemptAt()));
                        both.run(c -> c.updateOne(byId, update));
                    }
                    case 3 -> both.run(c -> c.updateOne(byId, new Document("$set", new Document("status", "SENT"))
                            .append("$unset", new Document("nextAttemptAt", "")))); // how a delivery completes
                    case 4 -> {
                        Document replacement = generator.next(id);
                        both.run(c -> c.replaceOne(byId, replacement));
                    }
                    case 5 -> both.run(c -> c.deleteOne(byId));
                    case 6 -> {
                        Document again = generator.next(id);
                        both.run(c -> c.deleteOne(byId));
                        both.insert(again);
                    }
                    default -> {
                        Instant now = generator.someTime();
                        Instant until = generator.uniqueTime();
                        both.assertSame("claim at " + now, c -> claim(c, now, until));
                    }
                }
                if (step % 50 == 49) {
                    both.assertSameAnswers(generator);
                }
            }
        }
    }

    @Test
    void theIndexIsRebuiltWhenTheFileIsOpenedAgain() {
        int port = Ports.free();
        Path file = data.resolve("reopen.mv");
        try (MongoWireServer server = MongoWireServer.persistent(port, file).start();
                MongoClient client = MongoClients.create(server.uri("notification"))) {
            MongoCollection<Document> deliveries = deliveries(client);
            deliveries.insertMany(List.of(delivery("a", "PENDING", NOW.minusSeconds(60)),
                    delivery("b", "PENDING", NOW.minusSeconds(120)), delivery("c", "SENT", NOW.minusSeconds(600))));
            assertThat(claim(deliveries, NOW, NOW.plusSeconds(30))).containsEntry("_id", "b");
        }

        try (MongoWireServer server = MongoWireServer.persistent(port, file).start();
                MongoClient client = MongoClients.create(server.uri("notification"))) {
            MongoCollection<Document> deliveries = deliveries(client);
            assertThat(claim(deliveries, NOW, NOW.plusSeconds(45))).containsEntry("_id", "a");
            assertThat(claim(deliveries, NOW, NOW.plusSeconds(45))).isNull();
            assertThat(claim(deliveries, NOW.plusSeconds(31), NOW.plusSeconds(90))).containsEntry("_id", "b");
            assertThat(claim(deliveries, NOW.plusSeconds(46), NOW.plusSeconds(90))).containsEntry("_id", "a");
        }
    }

    /** The claim reads the due pending deliveries only, not the collection, also after the file is opened again. */
    @Test
    void theClaimReadsTheDueDeliveriesOnly() {
        Path file = data.resolve("narrow.mv");
        IdLookupH2Backend backend = new IdLookupH2Backend(file.toString(), new CollectionScans());
        MongoServer server = new MongoServer(backend);
        int port = Ports.free();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                many.add(delivery("d" + i, i < 3 ? "PENDING" : "SENT", NOW.minusSeconds(i + 1)));
            }
            many.add(delivery("future", "PENDING", NOW.plusSeconds(60)));
            MongoCollection<Document> deliveries = deliveries(client);
            deliveries.insertMany(many);
            assertThatTheClaimReadsOnly(backend, "d0", "d1", "d2");

            deliveries.deleteOne(new Document("_id", "d1"));
            deliveries.updateOne(new Document("_id", "d2"), new Document("$set", new Document("status", "SENT")));
            deliveries.updateOne(new Document("_id", "d3"), new Document("$set", new Document("status", "PENDING")));
            assertThatTheClaimReadsOnly(backend, "d0", "d3");
        } finally {
            server.shutdown();
        }

        IdLookupH2Backend reopened = new IdLookupH2Backend(file.toString(), new CollectionScans());
        try {
            assertThatTheClaimReadsOnly(reopened, "d0", "d3");
        } finally {
            reopened.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertThatTheClaimReadsOnly(IdLookupH2Backend backend, Object... ids) {
        Index<Object> index = (Index<Object>) backend.resolveDatabase("notification")
                .resolveCollection("deliveries", true).getIndexes().stream()
                .filter(OrderedIndex.class::isInstance).findFirst().orElseThrow();
        de.bwaldvogel.mongo.bson.Document due = new de.bwaldvogel.mongo.bson.Document("status", "PENDING")
                .append("nextAttemptAt", new de.bwaldvogel.mongo.bson.Document("$lte", NOW));
        assertThat(index.canHandle(due)).isTrue();
        assertThat(index.getPositions(due)).containsExactlyInAnyOrder(ids);
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("status",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("PENDING"))))).isFalse();
    }

    @Test
    void queriesOfOtherShapesAreScannedAndStillRight() {
        try (MongoWireServer indexed = MongoWireServer.persistent(Ports.free(), data.resolve("shapes.mv")).start();
                MongoWireServer scanned = MongoWireServer.inMemory(Ports.free()).start();
                MongoClient indexedClient = MongoClients.create(indexed.uri("notification"));
                MongoClient scannedClient = MongoClients.create(scanned.uri("notification"))) {
            Mirror both = new Mirror(deliveries(indexedClient), deliveries(scannedClient));
            RandomDeliveries generator = new RandomDeliveries(new Random(7));
            for (int i = 0; i < 200; i++) {
                both.insert(generator.next("d" + i).append("createdAt", generator.nextAttemptAt()));
            }
            Date now = Date.from(NOW);
            List<Bson> others = List.of(
                    new Document("status", new Document("$in", List.of("PENDING", "FAILED"))),
                    new Document("nextAttemptAt", new Document("$lte", now)),
                    new Document("status", "PENDING").append("nextAttemptAt", now),
                    new Document("status", "PENDING").append("nextAttemptAt", new Document("$ne", now)),
                    new Document("status", "PENDING").append("nextAttemptAt", new Document("$lte", now))
                            .append("claim", null),
                    new Document("$or", List.of(new Document("status", "SENT"), new Document("status", "PENDING"))));
            for (Bson query : others) {
                both.assertSame(query.toString(), c -> sortedById(c.find(query)));
            }
            Document due = new Document("status", "PENDING").append("nextAttemptAt", new Document("$lte", now));
            Document byCreation = new Document("createdAt", -1);
            both.assertSame("due by creation", c -> c.find(due).sort(byCreation).into(new ArrayList<>()));
            assertThat(both.indexed().find(due).first()).isNotNull();

            both.run(c -> c.dropIndex("due"));
            both.assertSame("due without the index", c -> sortedById(c.find(due)));
        }
    }

    /** Dispatchers claiming at once each get a different delivery, and every due one is claimed once. */
    @Test
    void concurrentClaimsNeverShareADelivery() throws Exception {
        try (MongoWireServer server = MongoWireServer.persistent(Ports.free(), data.resolve("race.mv")).start();
                MongoClient client = MongoClients.create(server.uri("notification"))) {
            MongoCollection<Document> deliveries = deliveries(client);
            List<Document> due = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                due.add(delivery("d" + i, "PENDING", NOW.minusSeconds(i)));
            }
            deliveries.insertMany(due);

            Set<Object> claimed = ConcurrentHashMap.newKeySet();
            ExecutorService dispatchers = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> counts = new ArrayList<>();
                for (int d = 0; d < 4; d++) {
                    counts.add(dispatchers.submit(() -> {
                        int n = 0;
                        for (Document c; (c = claim(deliveries, NOW, NOW.plus(Duration.ofMinutes(5)))) != null; n++) {
                            assertThat(claimed.add(c.get("_id"))).isTrue();
                        }
                        return n;
                    }));
                }
                int total = 0;
                for (Future<Integer> count : counts) {
                    total += count.get();
                }
                assertThat(total).isEqualTo(200);
                assertThat(claimed).hasSize(200);
            } finally {
                dispatchers.shutdownNow();
            }
        }
    }

    /** notification-service's claim, as Spring Data sends it. */
    static Document claim(MongoCollection<Document> deliveries, Instant now, Instant until) {
        return deliveries.findOneAndUpdate(
                new Document("status", "PENDING").append("nextAttemptAt", new Document("$lte", Date.from(now))),
                new Document("$set", new Document("nextAttemptAt", Date.from(until)).append("claim", "c-" + until)),
                new FindOneAndUpdateOptions().sort(new Document("nextAttemptAt", 1)).returnDocument(ReturnDocument.AFTER));
    }

    static MongoCollection<Document> deliveries(MongoClient client) {
        MongoCollection<Document> deliveries = client.getDatabase("notification").getCollection("deliveries");
        deliveries.createIndex(new Document("status", 1).append("nextAttemptAt", 1), new IndexOptions().name("due"));
        return deliveries;
    }

    static Document delivery(String id, String status, Instant nextAttemptAt) {
        return new Document("_id", id).append("status", status).append("nextAttemptAt", Date.from(nextAttemptAt));
    }

    private static List<Document> sortedById(Iterable<Document> documents) {
        List<Document> list = new ArrayList<>();
        documents.forEach(list::add);
        list.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return list;
    }

    /** The same operations on the file store (indexed) and on the memory store (scanned). */
    private record Mirror(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {

        void insert(Document document) {
            run(c -> c.insertOne(new Document(document)));
        }

        void run(java.util.function.Consumer<MongoCollection<Document>> operation) {
            operation.accept(indexed);
            operation.accept(scanned);
        }

        void assertSame(String what, java.util.function.Function<MongoCollection<Document>, Object> query) {
            Object fromIndex = query.apply(indexed);
            assertThat(fromIndex).as(what).isEqualTo(query.apply(scanned));
        }

        /**
         * Equality alone, with a range from either side or both (bounds at dates some deliveries have), a number
         * range, sorted or not, and counts.
         */
        void assertSameAnswers(RandomDeliveries generator) {
            for (String status : STATUSES) {
                Instant one = generator.usedTime();
                Instant other = generator.usedTime();
                Date low = Date.from(one.isBefore(other) ? one : other);
                Date high = Date.from(one.isBefore(other) ? other : one);
                List<Document> queries = List.of(new Document("status", status),
                        new Document("status", new Document("$eq", status)),
                        new Document("status", status).append("nextAttemptAt", new Document("$lte", high)),
                        new Document("status", status).append("nextAttemptAt", new Document("$lt", high)),
                        new Document("status", status).append("nextAttemptAt", new Document("$gte", low)),
                        new Document("status", status).append("nextAttemptAt",
                                new Document("$gt", low).append("$lte", high)),
                        new Document("status", status).append("nextAttemptAt",
                                new Document("$gt", high).append("$lt", low)),
                        new Document("status", status).append("nextAttemptAt", new Document("$lt", 50)),
                        new Document("status", status).append("nextAttemptAt", new Document("$gte", 20).append("$lte", 30L)),
                        new Document("status", status).append("nextAttemptAt", new Document("$gte", 20.5)));
                for (Document query : queries) {
                    Document sort = new Document("nextAttemptAt", 1).append("_id", 1);
                    assertSame(query + " sorted", c -> c.find(query).sort(sort).into(new ArrayList<>()));
                    assertSame(query.toString(), c -> sortedById(c.find(query)));
                    assertSame("count " + query, c -> c.countDocuments(query));
                }
            }
        }
    }

    /**
     * Deliveries as the service writes them, and a few it never would: a status list, no status, a numeric or text
     * {@code nextAttemptAt}. Every date is used once, so a sort by it has one answer.
     */
    private static final class RandomDeliveries {
        private final Random random;
        private final Set<Long> usedSeconds = new java.util.HashSet<>();

        RandomDeliveries(Random random) {
            this.random = random;
        }

        Document next(String id) {
            Document delivery = new Document("_id", id);
            int kind = random.nextInt(20);
            if (kind == 0) {
                delivery.append("status", List.of("PENDING", "SENT"));
            } else if (kind != 1) {
                delivery.append("status", status());
            }
            int time = random.nextInt(20);
            if (time == 0) {
                delivery.append("nextAttemptAt", (Object) random.nextInt(100));
            } else if (time == 1) {
                delivery.append("nextAttemptAt", "soon");
            } else if (time != 2) {
                delivery.append("nextAttemptAt", nextAttemptAt());
            }
            return delivery;
        }

        String status() {
            return STATUSES.get(random.nextInt(STATUSES.size()));
        }

        Date nextAttemptAt() {
            return Date.from(uniqueTime());
        }

        Instant someTime() {
            return NOW.plusSeconds(random.nextInt(7200) - 3600);
        }

        /** A date some delivery has or had. */
        Instant usedTime() {
            List<Long> used = new ArrayList<>(usedSeconds);
            return NOW.plusSeconds(used.get(random.nextInt(used.size())));
        }

        Instant uniqueTime() {
            long seconds;
            do {
                seconds = random.nextInt(4 * 7200) - 7200;
            } while (!usedSeconds.add(seconds));
            return NOW.plusSeconds(seconds);
        }
    }
}
