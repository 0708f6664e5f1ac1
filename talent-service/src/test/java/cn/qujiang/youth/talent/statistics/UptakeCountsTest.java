package cn.qujiang.youth.talent.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.application.CountedApplications;
import cn.qujiang.youth.talent.application.StoredApplications;
import cn.qujiang.youth.talent.application.StoredApplications.Spec;
import cn.qujiang.youth.talent.application.StoredApplications.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The uptake counts equal a recount of the applications after any mix of applications and offers made, decisions,
 * requests for information and resubmissions, withdrawals, lapsed offers, moves delivered again, erasures, crashes
 * between an application's write and its month's counts (before or after the counts' write) and the sweep that takes
 * what the crashes left; started on a database that had applications, and entries written before the start, before
 * counting began. An erased applicant's acts stay counted: the recount is compared with the erased applications kept
 * aside.
 */
class UptakeCountsTest {
    private static final Instant T0 = Instant.parse("2026-02-27T15:00:00Z");
    private static final List<String> CODES = List.of("QJY-01", "QJY-02", "QJY-03", "QJY-04");
    private static final List<String> MOVES = List.of("APPROVED", "REJECTED", "INFO_REQUESTED", "SUBMITTED",
            "WITHDRAWN", "CONFIRMED", "DECLINED");
    /** After every step: the sweep then takes every entry left. */
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");
    private static final UptakePeriod ALL = new UptakePeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    /** Not whole months: the days of a month outside the period are left out. */
    private static final UptakePeriod MID_MARCH = new UptakePeriod(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 19));
    private InMemoryMongo mongo;
    private InMemoryMongo erased;
    private CrashingCounts counts;
    private CountedApplications applications;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        erased = new InMemoryMongo();
        counts = new CrashingCounts(mongo);
        applications = new CountedApplications(mongo.template(), counts);
    }

    @AfterEach
    void stop() {
        mongo.close();
        erased.close();
    }

    @Test
    void theCountsEqualARecountAfterApplicationsDecisionsRedeliveriesErasuresAndCrashes() {
        Random random = new Random(11);
        storedBeforeCounting();
        List<String> made = new ArrayList<>();
        for (int step = 0; step < 700; step++) {
            if (step == 60) {
                // the first instance of this version starts: what was written meanwhile waits as pending entries
                counts.startIfAbsent();
                assertCountsEqualTheRecount();
            }
            Instant at = T0.plusSeconds(step * 3_700L + random.nextInt(600));
            String applicant = "a" + random.nextInt(15);
            int kind = random.nextInt(40);
            counts.crashNext(random.nextInt(8) == 0, random.nextBoolean());
            if (kind == 0) {
                counts.crashNext(false, false);
                erase(applicant, at);
            } else if (kind <= 2 && !made.isEmpty()) {
                applications.moveAgain(made.get(random.nextInt(made.size())));
            } else if (kind == 3) {
                applications.lapse(applicant, CODES.get(random.nextInt(CODES.size())), at);
            } else if (kind == 4) {
                counts.crashNext(false, false);
                counts.takeLeftBefore(at, 1_000); // the sweep
            } else if (kind <= 14 || made.isEmpty()) {
                boolean offer = random.nextInt(4) == 0;
                String code = CODES.get(random.nextInt(CODES.size()));
                String id = applications.make(applicant, code, offer, at, offer ? 50L : 1000L * (1 + random.nextInt(3)),
                        offer ? "PERCENT" : "CNY", offer ? "DISCOUNT" : "ONE_OFF_CASH");
                if (id != null) {
                    made.add(id);
                }
            } else {
                applications.move(made.get(random.nextInt(made.size())), MOVES.get(random.nextInt(MOVES.size())),
                        random.nextInt(5) != 0, at);
            }
            if (step % 100 == 99) {
                counts.crashNext(false, false);
                counts.takeLeftBefore(LATER, 1_000);
                assertCountsEqualTheRecount();
            }
        }
        counts.crashNext(false, false);
        counts.takeLeftBefore(LATER, 1_000);
        assertCountsEqualTheRecount();
        assertThat(mongo.template().getCollection(UptakeQueries.APPLICATIONS)
                .countDocuments(new Document(UptakeCounts.PENDING + ".key", new Document("$exists", true)))).isZero();
        UptakeCounts.Period all = counts.read(ALL);
        assertThat(all.applied().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(100);
        assertThat(all.decisions()).extracting(UptakeQueries.DecisionGroup::to)
                .contains("APPROVED", "REJECTED", "INFO_REQUESTED");
    }

    @Test
    void anEntryTakenTwiceIsCountedOnce() {
        counts.startIfAbsent();
        String id = applications.make("a1", "QJY-01", false, T0, 1000L, "CNY", "ONE_OFF_CASH");
        counts.crashNext(false, true);
        applications.move(id, "APPROVED", true, T0.plusSeconds(86_400)); // counted, the entry not cleared
        counts.crashNext(false, false);
        counts.takeLeftBefore(LATER, 10);
        counts.takeLeftBefore(LATER, 10);
        UptakeCounts.Period counted = counts.read(ALL);
        assertThat(counted.applied()).containsExactlyEntriesOf(java.util.Map.of("QJY-01", 1L));
        assertThat(counted.decisions()).singleElement().satisfies(group -> {
            assertThat(group.count()).isEqualTo(1);
            assertThat(group.amount()).isEqualTo(1000);
            assertThat(group.submittedOn()).isEqualTo(LocalDate.of(2026, 2, 27));
            assertThat(group.decidedOn()).isEqualTo(LocalDate.of(2026, 2, 28));
        });
    }

    /** Applications of a database from before the counts existed: no entries, the start recounts them. */
    private void storedBeforeCounting() {
        StoredApplications.insert(mongo.template(), List.of(
                new Spec("old-1", "QJY-01", false, T0.minusSeconds(86_400 * 3), T0.minusSeconds(86_400),
                        LocalDate.of(2026, 3, 2), 2000L, "CNY", "ONE_OFF_CASH", List.of(
                                Step.officer(T0.minusSeconds(86_400 * 2), "INFO_REQUESTED"),
                                Step.applicant(T0.minusSeconds(86_400), "SUBMITTED"),
                                Step.officer(T0, "APPROVED"))),
                new Spec("old-2", "QJY-02", true, T0.minusSeconds(3_600), T0.minusSeconds(3_600), null, 50L,
                        "PERCENT", "DISCOUNT", List.of(Step.officer(T0, "REJECTED")))));
    }

    /** The erasure as the service runs it, with the applicant's applications kept aside for the recount first. */
    private void erase(String applicant, Instant at) {
        counts.takeAllOf(applicant);
        Document mine = new Document("applicantId", applicant);
        List<Document> theirs = mongo.template().getCollection(UptakeQueries.APPLICATIONS).find(mine)
                .into(new ArrayList<>());
        if (!theirs.isEmpty()) {
            erased.template().getCollection(UptakeQueries.APPLICATIONS).insertMany(theirs);
        }
        applications.erase(applicant, at);
    }

    private void assertCountsEqualTheRecount() {
        for (UptakePeriod period : List.of(ALL, MID_MARCH)) {
            assertThat(UptakeOracle.normalized(counts.read(period))).isEqualTo(UptakeOracle.recount(period,
                    new UptakeQueries(mongo.template()), new UptakeQueries(erased.template())));
        }
    }

    /** The uptake counts, stopping the service (an exception) before or after the month's write when told to. */
    static final class CrashingCounts extends UptakeCounts {
        static final String CRASH = "crash";
        private boolean beforeAdd;
        private boolean afterAdd;

        CrashingCounts(InMemoryMongo mongo) {
            super(mongo.template());
        }

        void crashNext(boolean crash, boolean afterTheCountsWrite) {
            beforeAdd = crash && !afterTheCountsWrite;
            afterAdd = crash && afterTheCountsWrite;
        }

        @Override
        void add(Pending pending) {
            if (beforeAdd) {
                beforeAdd = false;
                throw new IllegalStateException(CRASH);
            }
            super.add(pending);
        }

        @Override
        void clear(String applicationId, Pending pending) {
            if (afterAdd) {
                afterAdd = false;
                throw new IllegalStateException(CRASH);
            }
            super.clear(applicationId, pending);
        }
    }
}
