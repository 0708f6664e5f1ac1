package cn.qujiang.youth.notification.news;

import static cn.qujiang.youth.notification.news.EligibilityNewsTest.evaluated;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An applicant's news against the MongoDB-wire server: what the store writes by hand is what Spring Data writes
 * and reads (the sender reads the due news with Spring Data), and a redelivered evaluation changes nothing.
 */
class NewsStoreTest {
    private static final NewsProperties WINDOW = new NewsProperties(Duration.ofSeconds(30), Duration.ofMinutes(3), null);
    private static final Instant T0 = Instant.parse("2026-11-29T02:00:00.123Z");
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private MongoTemplate mongo;
    private NewsStore store;

    @BeforeEach
    void start() {
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "notification");
        store = new NewsStore(mongo, WINDOW);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void newsChangedByTheStoreIsStoredAndReadAsSpringDataStoresAndReadsIt() {
        assertThat(store.gather("e1", evaluated(List.of("QJY-01"), List.of()), T0)).isTrue();
        assertThat(store.gather("e2", evaluated(List.of("QJY-05", "QJY-09"), List.of()), T0.plusSeconds(10))).isTrue();
        assertThat(store.gather("e3", evaluated(List.of(), List.of("QJY-01")), T0.plusSeconds(20))).isTrue();

        EligibilityNews expected = new EligibilityNews("a1",
                List.of(new EligibleMeasure("QJY-05", 50L, "PERCENT"), new EligibleMeasure("QJY-09", null, null)),
                T0, T0.plusSeconds(40), List.of("e1", "e2", "e3"), 3);
        assertThat(mongo.findById("a1", EligibilityNews.class)).isEqualTo(expected);
        assertThat(store.due(T0.plusSeconds(40))).containsExactly(expected);
        assertThat(store.untold("a1")).hasValueSatisfying(untold -> {
            assertThat(untold.measures()).isEqualTo(expected.measures());
            assertThat(untold.sendAt()).isEqualTo(T0.plusSeconds(40));
        });

        mongo.save(new EligibilityNews("spring", expected.measures(), expected.firstAt(), expected.sendAt(),
                expected.recentEvents(), expected.lock()));
        assertThat(raw("a1")).isEqualTo(raw("spring"));
    }

    @Test
    void newsAllToldIsStoredWithoutTimesAndARedeliveryChangesNothing() {
        store.gather("e1", evaluated(List.of("QJY-01"), List.of()), T0);
        store.told(mongo.findById("a1", EligibilityNews.class), T0.plusSeconds(30));
        Document told = raw("a1");
        assertThat(told).doesNotContainKeys("firstAt", "sendAt").containsEntry("measures", List.of());

        assertThat(store.gather("e1", evaluated(List.of("QJY-01"), List.of()), T0.plusSeconds(40))).isFalse();

        assertThat(raw("a1")).isEqualTo(told);
        assertThat(store.due(T0.plusSeconds(100))).isEmpty();
        assertThat(store.untold("a1")).isEmpty();
    }

    /** The stored document without its id and Spring Data's type hint. */
    private Document raw(String id) {
        Document stored = mongo.getCollection(EligibilityNews.COLLECTION).find(new Document("_id", id)).first();
        stored.remove("_id");
        stored.remove("_class");
        return stored;
    }
}
