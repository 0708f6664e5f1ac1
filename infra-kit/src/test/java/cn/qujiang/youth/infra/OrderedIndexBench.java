package cn.qujiang.youth.infra;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: notification-service's claim on 20,000 deliveries of which 20 are pending, on the library's H2 store
 * (a scan) and on {@link IdLookupH2Backend} (the {@code {status, nextAttemptAt}} index). Each claim is a second after
 * the last and leases for a minute, so about a third find a delivery, as a dispatcher's wake-ups mostly find none.
 * Run from the module after {@code mvn -o test-compile}, with the test classpath.
 */
public final class OrderedIndexBench {
    private static final int DELIVERIES = 20_000;
    private static final int PENDING_EVERY = 1_000;
    private static final int CLAIMS = 2_000;

    public static void main(String[] args) throws Exception {
        // Quiet, whichever logging backend the classpath brings: a log line per command would be timed too.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
        Path dir = Files.createTempDirectory("ordered-index-bench");
        double scan = microsPerClaim(new H2Backend(dir.resolve("plain.mv").toString()));
        double indexed = microsPerClaim(new IdLookupH2Backend(dir.resolve("indexed.mv").toString(), new CollectionScans()));
        System.out.printf("%,d deliveries, %d pending, %,d claims%n", DELIVERIES, DELIVERIES / PENDING_EVERY, CLAIMS);
        System.out.printf("H2Backend (scan):            %,10.1f µs per claim%n", scan);
        System.out.printf("IdLookupH2Backend (index):   %,10.1f µs per claim%n", indexed);
    }

    private static double microsPerClaim(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        int port = Ports.free();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> deliveries = OrderedIndexH2BackendTest.deliveries(client);
            Instant start = Instant.parse("2025-03-01T08:00:00Z");
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < DELIVERIES; i++) {
                all.add(i % PENDING_EVERY == 0
                        ? OrderedIndexH2BackendTest.delivery("d" + i, "PENDING", start.minusSeconds(i))
                        : new Document("_id", "d" + i).append("status", i % 3 == 0 ? "FAILED" : "SENT")
                                .append("completedAt", Date.from(start.minusSeconds(i))));
            }
            deliveries.insertMany(all);

            claims(deliveries, start, CLAIMS / 4); // warm-up
            long began = System.nanoTime();
            claims(deliveries, start.plusSeconds(CLAIMS), CLAIMS);
            return (System.nanoTime() - began) / 1_000.0 / CLAIMS;
        } finally {
            server.shutdown();
        }
    }

    private static void claims(MongoCollection<Document> deliveries, Instant from, int count) {
        for (int i = 0; i < count; i++) {
            Instant now = from.plusSeconds(i);
            OrderedIndexH2BackendTest.claim(deliveries, now, now.plusSeconds(60));
        }
    }
}
