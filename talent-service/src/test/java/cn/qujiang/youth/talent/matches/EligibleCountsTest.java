package cn.qujiang.youth.talent.matches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.eventkey.TestEventKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The eligible counts the read model keeps equal a full recount of the stored results after any mix of new
 * evaluations, re-evaluations of some measures, redelivered and out-of-date events, erasures, and writes whose
 * counting was interrupted (a crash between the results' write and the counter's, or after the counter's).
 */
class EligibleCountsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> CODES = List.of("QJY-01", "QJY-02", "QJY-03", "QJY-04", "QJY-05");
    private InMemoryMongo mongo;
    private CrashingCounts counts;
    private MatchReadModel model;
    private EventKeys keys;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        counts = new CrashingCounts(mongo);
        keys = TestEventKeys.in(mongo.template());
        model = new MatchReadModel(mongo.template(), counts, keys, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void theCountsEqualARecountAfterEvaluationsRedeliveriesErasuresAndCrashes() {
        Random random = new Random(7);
        Map<String, Long> versions = new HashMap<>();
        List<MatchesEvaluated> delivered = new ArrayList<>();
        for (int step = 0; step < 600; step++) {
            String applicant = "a" + random.nextInt(25);
            int kind = random.nextInt(20);
            if (kind == 0) {
                model.delete(applicant);
                versions.remove(applicant);
            } else if (kind <= 3 && !delivered.isEmpty()) {
                // redelivered, or overtaken by a newer evaluation meanwhile
                apply(delivered.get(random.nextInt(delivered.size())));
            } else {
                long version = versions.merge(applicant, random.nextInt(3) == 0 ? 0L : 1L, Long::sum);
                // a re-evaluation of the same version may carry only some of the measures
                List<MatchResult> results = CODES.stream().filter(code -> kind > 5 || random.nextBoolean())
                        .map(code -> result(code, Outcome.values()[random.nextInt(Outcome.values().length)]))
                        .toList();
                MatchesEvaluated event = new MatchesEvaluated(applicant, version, LocalDate.of(2026, 3, 2),
                        T0.plusSeconds(step), Trigger.PROFILE_CHANGED, results, List.of(), List.of());
                delivered.add(event);
                counts.crashNext(random.nextInt(10) == 0, random.nextBoolean());
                try {
                    apply(event);
                } catch (IllegalStateException crash) {
                    // the service stopped before the record's offset was committed: it is delivered again
                    apply(event);
                }
            }
        }
        counts.crashNext(false, false);
        assertThat(counts.now()).isEqualTo(counts.recount()).isNotEmpty();
    }

    @Test
    void aChangeLeftUncountedByACrashIsCountedOnceByTheNextWrite() {
        counts.crashNext(true, false);
        MatchesEvaluated first = evaluated(1, T0, result("QJY-01", Outcome.ELIGIBLE), result("QJY-02", Outcome.ELIGIBLE));
        assertThatThrownBy(() -> apply(first)).isInstanceOf(IllegalStateException.class);
        assertThat(counts.now()).as("the results are stored, the counter has not taken them yet").isEmpty();

        apply(evaluated(1, T0, result("QJY-02", Outcome.INELIGIBLE)));
        assertThat(counts.now()).containsOnly(Map.entry("QJY-01", 1L));
    }

    @Test
    void aChangeCountedJustBeforeACrashIsNotCountedAgain() {
        counts.crashNext(true, true);
        MatchesEvaluated first = evaluated(1, T0, result("QJY-01", Outcome.ELIGIBLE));
        assertThatThrownBy(() -> apply(first)).isInstanceOf(IllegalStateException.class);

        apply(first);
        model.delete("a1");
        apply(evaluated(1, T0, result("QJY-01", Outcome.ELIGIBLE)));
        assertThat(counts.now()).containsOnly(Map.entry("QJY-01", 1L));
        model.delete("a1");
        assertThat(counts.now()).isEmpty();
    }

    @Test
    void theCounterIsSmallDocumentsEachRememberingOnlyItsLastKeys() {
        for (int applicant = 0; applicant < 300; applicant++) {
            apply(new MatchesEvaluated("a" + applicant, 1, LocalDate.of(2026, 3, 2), T0, Trigger.PROFILE_CHANGED,
                    List.of(result(CODES.get(applicant % CODES.size()), Outcome.ELIGIBLE)), List.of(), List.of()));
        }

        List<Document> counters = mongo.template().getCollection(EligibleCounts.COLLECTION).find()
                .into(new ArrayList<>());
        assertThat(counters).hasSizeBetween(EligibleCounts.SHARDS / 2, EligibleCounts.SHARDS + 1)
                .allSatisfy(counter -> assertThat(counter.getList("applied", String.class))
                        .hasSizeLessThanOrEqualTo(EligibleCounts.REMEMBERED));
        assertThat(counts.now()).isEqualTo(counts.recount()).containsEntry("QJY-01", 60L).hasSize(5);
    }

    @Test
    void whatTheOneCounterDocumentOfBeforeCountedStaysCountedAndIsNotCountedAgain() {
        counts.crashNext(true, true);
        MatchesEvaluated first = evaluated(1, T0, result("QJY-01", Outcome.ELIGIBLE));
        assertThatThrownBy(() -> apply(first)).isInstanceOf(IllegalStateException.class);
        // as the one document of before would hold it: that change counted, its key remembered, the results'
        // write still carrying it because the service stopped before clearing it
        String pending = mongo.template().getCollection(MatchDocument.COLLECTION).find().first()
                .get(MatchDocument.COUNT_PENDING, Document.class).getString("key");
        mongo.template().getCollection(EligibleCounts.COLLECTION).deleteMany(new Document());
        mongo.template().getCollection(EligibleCounts.COLLECTION).insertOne(new Document("_id", EligibleCounts.BASE)
                .append("counts", new Document("QJY-01", 1).append("QJY-03", 4)).append("applied", List.of(pending)));

        apply(evaluated(1, T0.plusSeconds(1), result("QJY-01", Outcome.ELIGIBLE), result("QJY-02", Outcome.ELIGIBLE)));

        assertThat(counts.now()).containsOnly(Map.entry("QJY-01", 1L), Map.entry("QJY-02", 1L), Map.entry("QJY-03", 4L));
    }

    private boolean apply(MatchesEvaluated event) {
        EventKey key = keys.forApplicant(event.applicantId());
        return model.apply(event.sealValues(key), key).isPresent();
    }

    private static MatchesEvaluated evaluated(long version, Instant at, MatchResult... results) {
        return new MatchesEvaluated("a1", version, LocalDate.of(2026, 3, 2), at, Trigger.PROFILE_CHANGED,
                List.of(results), List.of(), List.of());
    }

    private static MatchResult result(String code, Outcome outcome) {
        return new MatchResult(code, 1, outcome, outcome == Outcome.ELIGIBLE ? 100L : null, null, "ONE_OFF_CASH",
                false, List.of(), List.of(), List.of(), null);
    }

    /** Counts that can stop the service once: before adding a change, or right after it. */
    private static final class CrashingCounts extends EligibleCounts {
        private boolean crash;
        private boolean afterAdding;

        CrashingCounts(InMemoryMongo mongo) {
            super(mongo.template());
        }

        void crashNext(boolean crash, boolean afterAdding) {
            this.crash = crash;
            this.afterAdding = afterAdding;
        }

        @Override
        void add(CountChange change) {
            boolean crashing = crash;
            crash = false;
            if (crashing && !afterAdding) {
                throw new IllegalStateException("stopped before counting");
            }
            super.add(change);
            if (crashing) {
                throw new IllegalStateException("stopped after counting");
            }
        }
    }
}
