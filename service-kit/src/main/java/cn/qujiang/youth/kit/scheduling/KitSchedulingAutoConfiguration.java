package cn.qujiang.youth.kit.scheduling;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Sweeps run on one instance at a time (ShedLock): a {@code @Scheduled} method that also carries
 * {@code @SchedulerLock(name = "<service>.<sweep>", lockAtMostFor = …)} runs only where its lock could be taken, and
 * code that starts a run itself asks {@link LockingTaskExecutor}. The locks are documents of the service's own
 * database ({@value #COLLECTION}: {@code _id} = the lock's name, {@code lockUntil}, {@code lockedAt},
 * {@code lockedBy}), taken and released with single-document conditional writes, which the MongoDB-wire server
 * supports as a replica set does. {@code lockAtMostFor} bounds how long a crashed instance keeps a sweep from
 * running elsewhere; {@code defaultLockAtMostFor} is for a lock that names none.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class KitSchedulingAutoConfiguration {
    public static final String COLLECTION = "sweep_locks";

    @Bean
    @ConditionalOnMissingBean
    LockProvider sweepLocks(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getCollection(COLLECTION));
    }

    @Bean
    @ConditionalOnMissingBean
    LockingTaskExecutor lockingTaskExecutor(LockProvider locks) {
        return new DefaultLockingTaskExecutor(locks);
    }
}
