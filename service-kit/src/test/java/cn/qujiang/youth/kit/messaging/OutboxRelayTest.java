package cn.qujiang.youth.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.infra.MongoWireServer;
import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.kit.scheduling.KitSchedulingAutoConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** The relay against the MongoDB-wire server, with a producer that records what it is given. */
class OutboxRelayTest {
    private static final String COLLECTION = "aggregates";
    private static final Duration SWEEP_INTERVAL = Duration.ofMillis(200);
    private MongoWireServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final List<ProducerRecord<String, String>> published = new CopyOnWriteArrayList<>();
    private OutboxRelay relay;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() {
        server = MongoWireServer.inMemory(Ports.free()).start();
        client = MongoClients.create(server.uri("svc"));
        mongo = new MongoTemplate(client, "svc");
        KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            published.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        relay = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of(COLLECTION), SWEEP_INTERVAL, "/svc", 500),
                new DefaultLockingTaskExecutor(locks()), "svc.outbox-sweep");
    }

    @AfterEach
    void stop() {
        relay.stop();
        client.close();
        server.close();
    }

    @Test
    void anEntryIsStoredAsSpringDataStoresIt() {
        OutboxEntry entry = entry("a1");

        assertThat(entry.toDocument())
                .isEqualTo(mongo.getConverter().convertToMongoType(entry, TypeInformation.of(OutboxEntry.class)));
    }

    @Test
    void aWokenDocumentsEventsLeaveWithTheirHeadersAndOnlyTheyAreRemoved() {
        OutboxEntry entry = entry("a1");
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", "a1").append("facts", new Document("age", 24))
                .append(OutboxEntry.FIELD, List.of(entry.toDocument())));
        sweepingElsewhere(); // so that only the wake-up can publish it
        relay.start();

        relay.wake(COLLECTION, "a1");

        await().atMost(Duration.ofSeconds(10)).until(() -> stored("a1").getList(OutboxEntry.FIELD, Document.class)
                .isEmpty());
        assertThat(published).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a1");
            assertThat(record.value()).isEqualTo(entry.payload());
            assertThat(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8))
                    .isEqualTo(entry.eventId());
            assertThat(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8))
                    .isEqualTo(entry.type());
        });
        assertThat(stored("a1").get("facts", Document.class)).as("the aggregate itself is left alone")
                .isEqualTo(new Document("age", 24));
    }

    @Test
    void whileAnotherInstanceSweepsThisOneDoesNot() {
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", "a1")
                .append(OutboxEntry.FIELD, List.of(entry("a1").toDocument())));
        SimpleLock elsewhere = sweepingElsewhere();

        relay.start();

        await().during(SWEEP_INTERVAL.multipliedBy(5)).atMost(Duration.ofSeconds(5)).until(published::isEmpty);
        elsewhere.unlock();
        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);
    }

    /** Another instance's sweep, holding the lock. */
    private SimpleLock sweepingElsewhere() {
        Optional<SimpleLock> lock = locks().lock(new LockConfiguration(Instant.now(), "svc.outbox-sweep",
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(lock).isPresent();
        return lock.orElseThrow();
    }

    private MongoLockProvider locks() {
        return new MongoLockProvider(client.getDatabase("svc").getCollection(KitSchedulingAutoConfiguration.COLLECTION));
    }

    private Document stored(String id) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
    }

    private static OutboxEntry entry(String applicantId) {
        return OutboxEntry.of(new ApplicantErased(applicantId, Instant.parse("2026-03-02T08:00:00Z")), applicantId,
                Instant.parse("2026-03-02T08:00:00Z"));
    }
}
