package cn.qujiang.youth.talent.matches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.eventkey.TestEventKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchReadModelTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00.123456Z");
    private static final Instant STORED = Instant.parse("2026-03-02T08:00:01.250Z");
    private InMemoryMongo mongo;
    private MatchReadModel model;
    private EventKeys keys;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        keys = TestEventKeys.in(mongo.template());
        model = new MatchReadModel(mongo.template(), new EligibleCounts(mongo.template()), keys,
                java.time.Clock.fixed(STORED, java.time.ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    /** As the listener hands it on: sealed with the applicant's key, as policy-service publishes it. */
    private boolean apply(MatchesEvaluated event) {
        EventKey key = keys.forApplicant(event.applicantId());
        return model.apply(event.sealValues(key), key).isPresent();
    }

    static MatchResult result(String code, Outcome outcome) {
        return new MatchResult(code, 1, outcome,
                outcome == Outcome.ELIGIBLE ? 7L : null, "NIGHT", "IN_KIND", false,
                List.of(new CriterionResult("age", outcome == Outcome.ELIGIBLE ? CriterionStatus.PASSED : CriterionStatus.FAILED,
                        Map.of("age", 24L), null, null)),
                List.of(), List.of(), null);
    }

    static MatchesEvaluated evaluated(long profileVersion, Instant at, Trigger trigger, MatchResult... results) {
        return new MatchesEvaluated("a1", profileVersion, LocalDate.of(2026, 3, 2), at, trigger, List.of(results),
                List.of(), List.of());
    }

    @Test
    void resultsOfAnOlderProfileVersionAreIgnored() {
        assertThat(apply(evaluated(3, T0, Trigger.PROFILE_CHANGED, result("QJY-01", Outcome.ELIGIBLE)))).isTrue();
        assertThat(apply(evaluated(2, T0.plusSeconds(60), Trigger.DAILY_SWEEP,
                result("QJY-01", Outcome.INELIGIBLE)))).isFalse();
        Matches stored = model.find("a1").orElseThrow();
        assertThat(stored.profileVersion()).isEqualTo(3);
        assertThat(stored.result("QJY-01").orElseThrow().outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void theSameEventTwiceLeavesTheSameState() {
        MatchesEvaluated event = evaluated(3, T0, Trigger.PROFILE_CHANGED, result("QJY-01", Outcome.ELIGIBLE),
                result("QJY-02", Outcome.INELIGIBLE));
        apply(event);
        Matches once = model.find("a1").orElseThrow();
        assertThat(apply(event)).as("a redelivery is taken again, harmlessly").isTrue();
        assertThat(model.find("a1").orElseThrow()).isEqualTo(once);
    }

    @Test
    void aNewProfileVersionReplacesAllResults() {
        apply(evaluated(3, T0, Trigger.PROFILE_CHANGED, result("QJY-01", Outcome.ELIGIBLE),
                result("QJY-02", Outcome.ELIGIBLE)));
        apply(evaluated(4, T0.plusSeconds(5), Trigger.PROFILE_CHANGED, result("QJY-01", Outcome.INELIGIBLE)));
        assertThat(model.find("a1").orElseThrow().results()).extracting(MatchResult::measureCode).containsExactly("QJY-01");
    }

    @Test
    void aReEvaluationOfTheSameVersionReplacesOnlyTheMeasuresItCarries() {
        apply(evaluated(3, T0, Trigger.PROFILE_CHANGED, result("QJY-01", Outcome.ELIGIBLE),
                result("QJY-02", Outcome.ELIGIBLE)));
        apply(evaluated(3, T0.plusSeconds(3600), Trigger.CATALOGUE_CHANGED, result("QJY-02", Outcome.NOT_OPEN)));
        Matches stored = model.find("a1").orElseThrow();
        assertThat(stored.result("QJY-01").orElseThrow().outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(stored.result("QJY-02").orElseThrow().outcome()).isEqualTo(Outcome.NOT_OPEN);
        assertThat(apply(evaluated(3, T0, Trigger.PROFILE_CHANGED, result("QJY-02", Outcome.ELIGIBLE))))
                .as("the older evaluation of the same version arrives late").isFalse();
    }

    @Test
    void takesTheGoldenSampleOfTheContract() throws Exception {
        String golden;
        try (var in = cn.qujiang.youth.contracts.EventType.class.getClassLoader()
                .getResourceAsStream(cn.qujiang.youth.contracts.EventType.MATCHES_EVALUATED.goldenResource())) {
            golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        MatchesEvaluated event = cn.qujiang.youth.contracts.EventJson.read(golden, MatchesEvaluated.class);
        assertThat(apply(event)).isTrue();
        Matches stored = model.find(event.applicantId()).orElseThrow();
        assertThat(stored.results()).isEqualTo(event.results());
        assertThat(stored.result("QJY-12").orElseThrow().missingFacts()).containsExactly("employerInQujiang");
    }

    @Test
    void theEvaluationIsReadWithoutTheResultsAndIsWhatTheWriteReturned() {
        assertThat(model.evaluation("a1")).isEmpty();
        apply(evaluated(3, T0, Trigger.PROFILE_CHANGED, result("QJY-01", Outcome.ELIGIBLE)));
        MatchesEvaluated sweep = evaluated(3, T0.plusSeconds(60), Trigger.DAILY_SWEEP,
                result("QJY-02", Outcome.ELIGIBLE));
        EventKey key = keys.forApplicant("a1");
        var written = model.apply(sweep.sealValues(key), key);
        assertThat(model.evaluation("a1")).contains(
                new MatchReadModel.Evaluation(3, T0.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                        STORED)).isEqualTo(written);
    }

    @Test
    void findsWhoIsEligibleForAMeasure() {
        apply(evaluated(1, T0, Trigger.PROFILE_CHANGED, result("QJY-01", Outcome.ELIGIBLE),
                result("QJY-02", Outcome.INELIGIBLE)));
        assertThat(model.eligibleFor("QJY-01")).extracting(Matches::applicantId).containsExactly("a1");
        assertThat(model.eligibleFor("QJY-02")).isEmpty();
    }

    @Test
    void theValuesAreKeptSealedAndCannotBeReadOnceTheApplicantsKeyIsGone() {
        apply(evaluated(3, T0, Trigger.PROFILE_CHANGED, withIndustry("QJY-01", "E_COMMERCE_LIVESTREAM")));

        assertThat(raw().toJson()).doesNotContain("E_COMMERCE_LIVESTREAM");
        assertThat(model.find("a1").orElseThrow().result("QJY-01").orElseThrow().criteria().get(0).values())
                .containsEntry("industry", "E_COMMERCE_LIVESTREAM");
        keys.delete("a1");
        assertThat(model.find("a1")).as("erased: the results cannot be opened any more").isEmpty();
    }

    @Test
    void aPartialReEvaluationKeepsTheValuesOfTheMeasuresItDoesNotCarry() {
        apply(evaluated(3, T0, Trigger.PROFILE_CHANGED, withIndustry("QJY-01", "AGRICULTURE"),
                withIndustry("QJY-02", "AGRICULTURE")));
        apply(evaluated(3, T0.plusSeconds(60), Trigger.CATALOGUE_CHANGED, withIndustry("QJY-02", "TOURISM")));

        Matches stored = model.find("a1").orElseThrow();
        assertThat(stored.result("QJY-01").orElseThrow().criteria().get(0).values()).containsEntry("industry", "AGRICULTURE");
        assertThat(stored.result("QJY-02").orElseThrow().criteria().get(0).values()).containsEntry("industry", "TOURISM");
    }

    @Test
    void resultsStoredInTheEarlierFormAreReadCountedAndRewrittenByTheNextEvaluation() {
        MatchResult held = withIndustry("QJY-01", "AGRICULTURE");
        mongo.template().insert(new MatchDocument("a1", 3, LocalDate.of(2026, 3, 2), T0, null, null, null, null, 1, T0, null,
                List.of(held, result("QJY-02", Outcome.INELIGIBLE))));
        EligibleCounts counts = new EligibleCounts(mongo.template());
        counts.startIfAbsent();

        assertThat(model.find("a1").orElseThrow().result("QJY-01")).contains(held);
        assertThat(model.eligibleFor("QJY-01")).extracting(Matches::applicantId).containsExactly("a1");
        assertThat(counts.now()).containsOnly(Map.entry("QJY-01", 1L));

        apply(evaluated(3, T0.plusSeconds(60), Trigger.DAILY_SWEEP, result("QJY-02", Outcome.ELIGIBLE)));
        assertThat(raw()).containsKey("resultsUtf8").doesNotContainKey("results");
        assertThat(model.find("a1").orElseThrow().result("QJY-01")).contains(held);
        assertThat(model.eligibleFor("QJY-02")).extracting(Matches::applicantId).containsExactly("a1");
        assertThat(counts.now()).isEqualTo(counts.recount()).containsOnly(Map.entry("QJY-01", 1L), Map.entry("QJY-02", 1L));

        apply(evaluated(4, T0.plusSeconds(120), Trigger.PROFILE_CHANGED, result("QJY-01", Outcome.INELIGIBLE)));
        assertThat(counts.now()).isEqualTo(counts.recount()).isEmpty();
    }

    @Test
    void resultsStoredAsJsonTextAreReadCountedAndRewrittenAsBytesByTheNextEvaluation() {
        EventKey key = keys.forApplicant("a1");
        MatchResult held = withIndustry("QJY-01", "AGRICULTURE");
        StoredResults asBefore = StoredResults.of("a1", List.of(held, result("QJY-02", Outcome.INELIGIBLE)), key);
        mongo.template().insert(new MatchDocument("a1", 3, LocalDate.of(2026, 3, 2), T0, null,
                new String(asBefore.json(), java.nio.charset.StandardCharsets.UTF_8), asBefore.sealedValues(),
                asBefore.eligible(), 1, T0, null, null));
        EligibleCounts counts = new EligibleCounts(mongo.template());
        counts.startIfAbsent();
        assertThat(raw().get("resultsJson")).isInstanceOf(String.class);

        assertThat(model.find("a1").orElseThrow().result("QJY-01")).contains(held);
        assertThat(model.eligibleFor("QJY-01")).extracting(Matches::applicantId).containsExactly("a1");

        apply(evaluated(3, T0.plusSeconds(60), Trigger.DAILY_SWEEP, result("QJY-02", Outcome.ELIGIBLE)));
        assertThat(raw()).doesNotContainKey("resultsJson");
        assertThat(raw().get("resultsUtf8")).isInstanceOf(org.bson.types.Binary.class);
        assertThat(model.find("a1").orElseThrow().result("QJY-01")).as("the merge kept what the text held")
                .contains(held);
        assertThat(model.find("a1").orElseThrow().result("QJY-02").orElseThrow().outcome())
                .isEqualTo(Outcome.ELIGIBLE);
        assertThat(counts.now()).isEqualTo(counts.recount())
                .containsOnly(Map.entry("QJY-01", 1L), Map.entry("QJY-02", 1L));
    }

    private static MatchResult withIndustry(String code, String industry) {
        return new MatchResult(code, 1, Outcome.ELIGIBLE, 7L, "NIGHT", "IN_KIND", false,
                List.of(new CriterionResult("sector", CriterionStatus.PASSED, Map.of("industry", industry), null, null)),
                List.of(), List.of(), null);
    }

    private org.bson.Document raw() {
        return mongo.template().getCollection(MatchDocument.COLLECTION).find().first();
    }
}
