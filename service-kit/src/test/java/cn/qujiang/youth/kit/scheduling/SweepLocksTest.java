package cn.qujiang.youth.kit.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.infra.MongoWireServer;
import cn.qujiang.youth.infra.Ports;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ShedLock's MongoDB provider (built for driver 5.10) on the driver Boot manages, against the MongoDB-wire server of
 * the tests (memory) and of the local stack (H2 file): two instances, each with its own client, never hold one
 * sweep's lock at once, and a crashed holder's lock runs out after lockAtMostFor.
 */
class SweepLocksTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void twoInstancesNeverHoldOneSweepsLockAtOnce(String backend) {
        int port = Ports.free();
        try (MongoWireServer server = "h2".equals(backend)
                ? MongoWireServer.persistent(port, dir.resolve("locks.mv")).start()
                : MongoWireServer.inMemory(port).start();
                MongoClient first = MongoClients.create(server.uri("talent"));
                MongoClient second = MongoClients.create(server.uri("talent"))) {
            LockProvider one = locks(first);
            LockProvider other = locks(second);

            Optional<SimpleLock> held = one.lock(config("talent.erasure-sweep", Duration.ofMinutes(5)));
            assertThat(held).as("the first instance takes the lock").isPresent();
            assertThat(other.lock(config("talent.erasure-sweep", Duration.ofMinutes(5))))
                    .as("the other instance while it is held").isEmpty();
            assertThat(other.lock(config("talent.document-sweep", Duration.ofMinutes(5))))
                    .as("another sweep's lock").isPresent();
            held.orElseThrow().unlock();
            assertThat(other.lock(config("talent.erasure-sweep", Duration.ofMinutes(5))))
                    .as("released: the other instance's turn").isPresent();

            // A holder that dies keeps others out only until lockAtMostFor has passed.
            assertThat(one.lock(config("talent.claim-recovery", Duration.ofMillis(300)))).isPresent();
            assertThat(other.lock(config("talent.claim-recovery", Duration.ofMinutes(5)))).isEmpty();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
                    other.lock(config("talent.claim-recovery", Duration.ofMinutes(5))).isPresent());

            AtomicInteger runs = new AtomicInteger();
            DefaultLockingTaskExecutor here = new DefaultLockingTaskExecutor(one);
            DefaultLockingTaskExecutor there = new DefaultLockingTaskExecutor(other);
            // the other instance's attempt on a thread of its own (ShedLock lets the holding thread in again)
            here.executeWithLock((Runnable) () -> java.util.concurrent.CompletableFuture.runAsync(() ->
                    there.executeWithLock((Runnable) runs::incrementAndGet,
                            config("policy.rematch", Duration.ofMinutes(5)))).join(),
                    config("policy.rematch", Duration.ofMinutes(5)));
            assertThat(runs).as("a run inside another instance's run of the same sweep").hasValue(0);
        }
    }

    private static LockProvider locks(MongoClient client) {
        return new MongoLockProvider(client.getDatabase("talent").getCollection(KitSchedulingAutoConfiguration.COLLECTION));
    }

    private static LockConfiguration config(String name, Duration atMostFor) {
        return new LockConfiguration(Instant.now(), name, atMostFor, Duration.ZERO);
    }
}
