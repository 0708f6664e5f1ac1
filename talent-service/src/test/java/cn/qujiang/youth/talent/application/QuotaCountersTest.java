package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.talent.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuotaCountersTest {
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    private InMemoryMongo mongo;
    private QuotaCounters quotas;
    /** What the applications collection would say; absent = never written or erased. */
    private final Map<String, ApplicationStatus> applications = new HashMap<>();

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        quotas = new QuotaCounters(mongo.template());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    /** An approval that went through: place taken, approval written, claim settled. */
    private boolean approve(String measure, String application, Integer quota) {
        if (!quotas.reserve(measure, application, quota, NOW)) {
            return false;
        }
        applications.put(application, ApplicationStatus.APPROVED);
        quotas.settle(measure, application);
        return true;
    }

    private int recoverAt(Instant cutoff) {
        return quotas.resolveClaimsOlderThan(cutoff, id -> Optional.ofNullable(applications.get(id)));
    }

    @Test
    void aYearlyQuotaCountsEachYearAndABatchQuotaEachBatchApartFromTheOverallCount() {
        GrantTerm yearly = new GrantTerm(GrantTerm.Term.CALENDAR_YEAR, null, null);
        GrantTerm perBatch = new GrantTerm(GrantTerm.Term.BATCH, null,
                new GrantTerm.Batch("2027-SPRING", null, LocalDate.of(2027, 6, 30)));
        String year2026 = Grant.decidedOn(yearly, LocalDate.of(2026, 12, 31)).counter("QJY-34");
        String year2027 = Grant.decidedOn(yearly, LocalDate.of(2027, 1, 1)).counter("QJY-34");
        String spring = Grant.decidedOn(perBatch, LocalDate.of(2027, 2, 1)).counter("QJY-39");

        assertThat(approve(year2026, "a1", 1)).isTrue();
        assertThat(quotas.reserve(year2026, "a2", 1, NOW)).as("2026 is full").isFalse();
        assertThat(approve(year2027, "a2", 1)).as("2027 has its own place").isTrue();
        assertThat(approve(spring, "a3", 1)).isTrue();

        assertThat(year2026).isEqualTo("QJY-34@year:2026");
        assertThat(spring).isEqualTo("QJY-39@batch:2027-SPRING");
        assertThat(quotas.approved(year2026)).isEqualTo(1);
        assertThat(quotas.approved(year2027)).isEqualTo(1);
        assertThat(quotas.approved("QJY-34")).as("no overall count for a yearly quota").isZero();
        assertThat(Grant.decidedOn(GrantTerm.ONE_OFF, LocalDate.of(2026, 5, 1)).counter("QJY-16"))
                .as("an overall quota keeps the counter it always had").isEqualTo("QJY-16");
    }

    @Test
    void placesRunOutAtTheQuotaAndAReleasedPlaceCanBeTakenAgain() {
        assertThat(approve("QJY-07", "a1", 2)).isTrue();
        assertThat(quotas.reserve("QJY-07", "a2", 2, NOW)).isTrue();
        assertThat(quotas.reserve("QJY-07", "a3", 2, NOW)).isFalse();

        quotas.release("QJY-07", "a2");
        quotas.release("QJY-07", "a2"); // a second release of the same claim gives nothing back

        assertThat(quotas.approved("QJY-07")).isEqualTo(1);
        assertThat(approve("QJY-07", "a3", 2)).isTrue();
        assertThat(quotas.reserve("QJY-07", "a4", 2, NOW)).isFalse();
    }

    @Test
    void aSettledPlaceIsNeverGivenBack() {
        approve("QJY-07", "a1", 1);

        quotas.release("QJY-07", "a1");
        recoverAt(NOW.plus(Duration.ofHours(1)));

        assertThat(quotas.approved("QJY-07")).isEqualTo(1);
        assertThat(quotas.reserve("QJY-07", "a2", 1, NOW)).isFalse();
    }

    @Test
    void measuresWithoutQuotaAreCountedSoALaterQuotaStartsFromTheTruth() {
        approve("QJY-08", "a1", null);
        approve("QJY-08", "a2", null);
        assertThat(quotas.reserve("QJY-08", "a3", 2, NOW)).isFalse();
    }

    @Test
    void aPlaceTakenByAnApprovalThatACrashKeptFromBeingWrittenIsGivenBackAfterTheGracePeriod() {
        assertThat(quotas.reserve("QJY-07", "a1", 1, NOW)).isTrue(); // then the service dies
        applications.put("a1", ApplicationStatus.SUBMITTED);
        assertThat(quotas.reserve("QJY-07", "a2", 1, NOW)).isFalse();

        assertThat(recoverAt(NOW)).as("still within the grace period").isZero();
        assertThat(recoverAt(NOW.plusSeconds(1))).isEqualTo(1);

        assertThat(quotas.approved("QJY-07")).isZero();
        assertThat(approve("QJY-07", "a2", 1)).isTrue();
    }

    @Test
    void anApprovalWrittenJustBeforeACrashKeepsItsPlace() {
        assertThat(quotas.reserve("QJY-07", "a1", 1, NOW)).isTrue();
        applications.put("a1", ApplicationStatus.APPROVED); // written, the claim never settled

        assertThat(recoverAt(NOW.plusSeconds(1))).isZero();
        recoverAt(NOW.plusSeconds(2));

        assertThat(quotas.approved("QJY-07")).isEqualTo(1);
        assertThat(quotas.reserve("QJY-07", "a2", 1, NOW)).isFalse();
    }

    @Test
    void retryingTheApprovalOfTheSameApplicationTakesNoSecondPlace() {
        assertThat(quotas.reserve("QJY-07", "a1", 2, NOW)).isTrue(); // crash before the approval was written
        assertThat(approve("QJY-07", "a1", 2)).isTrue(); // the officer tries again

        assertThat(quotas.approved("QJY-07")).isEqualTo(1);
        assertThat(recoverAt(NOW.plusSeconds(1))).isZero();
        assertThat(quotas.approved("QJY-07")).isEqualTo(1);
    }

    @Test
    void concurrentApprovalsNeverExceedTheQuota() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String application = "a" + i;
                attempts.add(() -> quotas.reserve("QJY-09", application, 5, NOW));
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
