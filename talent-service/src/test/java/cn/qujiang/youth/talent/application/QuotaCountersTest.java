package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.talent.InMemoryMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuotaCountersTest {
    private InMemoryMongo mongo;
    private QuotaCounters quotas;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        quotas = new QuotaCounters(mongo.template());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void placesRunOutAtTheQuotaAndAReleasedPlaceCanBeTakenAgain() {
        assertThat(quotas.reserve("QJY-07", 2)).isTrue();
        assertThat(quotas.reserve("QJY-07", 2)).isTrue();
        assertThat(quotas.reserve("QJY-07", 2)).isFalse();
        quotas.release("QJY-07");
        assertThat(quotas.reserve("QJY-07", 2)).isTrue();
        assertThat(quotas.approved("QJY-07")).isEqualTo(2);
    }

    @Test
    void measuresWithoutQuotaAreCountedSoALaterQuotaStartsFromTheTruth() {
        quotas.reserve("QJY-08", null);
        quotas.reserve("QJY-08", null);
        assertThat(quotas.reserve("QJY-08", 2)).isFalse();
    }

    @Test
    void concurrentApprovalsNeverExceedTheQuota() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(() -> quotas.reserve("QJY-09", 5));
            }
            long granted = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                granted += result.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(5);
            assertThat(quotas.approved("QJY-09")).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
