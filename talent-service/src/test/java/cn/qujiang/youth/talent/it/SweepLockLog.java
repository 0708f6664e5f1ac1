package cn.qujiang.youth.talent.it;

import cn.qujiang.youth.kit.scheduling.KitSchedulingAutoConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's real sweep locks (the kit's MongoDB lock provider) with a record, per instance, of every run a lock
 * let through and of every refusal — so a test with two instances can see that each sweep ran on one at a time.
 */
@TestConfiguration(proxyBeanMethods = false)
class SweepLockLog {
    record Run(String instance, String lock, Instant from, Instant until) {

        boolean overlaps(Run other) {
            return from.isBefore(other.until) && other.from.isBefore(until);
        }
    }

    record Refusal(String instance, String lock) {
    }

    static final List<Run> RUNS = new CopyOnWriteArrayList<>();
    static final List<Refusal> REFUSALS = new CopyOnWriteArrayList<>();

    @Bean
    LockProvider sweepLocks(MongoTemplate mongo, @Value("${qujiang.it.instance:first}") String instance) {
        LockProvider locks = new MongoLockProvider(mongo.getCollection(KitSchedulingAutoConfiguration.COLLECTION));
        return configuration -> {
            Optional<SimpleLock> taken = locks.lock(configuration);
            if (taken.isEmpty()) {
                REFUSALS.add(new Refusal(instance, configuration.getName()));
                return taken;
            }
            Instant from = Instant.now();
            return Optional.of(() -> {
                RUNS.add(new Run(instance, configuration.getName(), from, Instant.now()));
                taken.get().unlock();
            });
        };
    }
}
