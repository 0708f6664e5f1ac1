package cn.qujiang.youth.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import cn.qujiang.youth.policy.engine.eligibility.Outlooks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchDiffTest {

    @Test
    void aFirstEvaluationIsAChangeAndEveryEligibleMeasureIsNew() {
        MatchDiff diff = MatchDiff.between(null, lines(eligible("QJY-01", 1, 7), ineligible("QJY-02", 1)));

        assertThat(diff.changed()).isTrue();
        assertThat(diff.newlyEligible()).containsExactly("QJY-01");
        assertThat(diff.noLongerEligible()).isEmpty();
    }

    @Test
    void becomingAndStoppingBeingEligibleAreReported() {
        MatchDiff diff = MatchDiff.between(lines(eligible("QJY-01", 1, 7), ineligible("QJY-02", 1)),
                lines(ineligible("QJY-01", 1), eligible("QJY-02", 1, 500)));

        assertThat(diff.changed()).isTrue();
        assertThat(diff.newlyEligible()).containsExactly("QJY-02");
        assertThat(diff.noLongerEligible()).containsExactly("QJY-01");
    }

    @Test
    void aNewMeasureVersionThatDecidesTheSameIsNoChange() {
        MatchDiff diff = MatchDiff.between(lines(eligible("QJY-01", 1, 7), ineligible("QJY-02", 1)),
                lines(eligible("QJY-01", 2, 7), ineligible("QJY-02", 3)));

        assertThat(diff.changed()).isFalse();
        assertThat(diff.newlyEligible()).isEmpty();
        assertThat(diff.noLongerEligible()).isEmpty();
    }

    @Test
    void aDifferentAmountIsAChangeEvenWhenStillEligible() {
        MatchDiff diff = MatchDiff.between(lines(eligible("QJY-02", 1, 2000)), lines(eligible("QJY-02", 1, 2400)));

        assertThat(diff.changed()).isTrue();
        assertThat(diff.newlyEligible()).isEmpty();
        assertThat(diff.noLongerEligible()).isEmpty();
    }

    @Test
    void aCriterionThatNowFailsForAnotherReasonIsAChange() {
        StoredResult before = new StoredResult("QJY-03", 1, Outcome.INELIGIBLE, null, null, true,
                List.of(criterion("degree", CriterionStatus.FAILED), criterion("insured", CriterionStatus.PASSED)),
                lines(), List.of());
        StoredResult after = new StoredResult("QJY-03", 1, Outcome.INELIGIBLE, null, null, false,
                List.of(criterion("degree", CriterionStatus.FAILED), criterion("insured", CriterionStatus.FAILED)),
                lines(), List.of());

        assertThat(MatchDiff.between(lines(before), lines(after)).changed()).isTrue();
    }

    @Test
    void aRetiredMeasureDisappearingIsAChangeAndNoLongerEligible() {
        MatchDiff diff = MatchDiff.between(lines(eligible("QJY-01", 1, 7), ineligible("QJY-02", 1)),
                lines(ineligible("QJY-02", 1)));

        assertThat(diff.changed()).isTrue();
        assertThat(diff.noLongerEligible()).containsExactly("QJY-01");
    }

    @Test
    void aMeasureStillWaitingForTheSameFactsIsNoChange() {
        StoredResult needsInfo = new StoredResult("QJY-12", 1, Outcome.NEEDS_INFO, null, null, false,
                List.of(criterion("insured", CriterionStatus.UNKNOWN)), List.of("employerInQujiang"), List.of());

        assertThat(MatchDiff.between(lines(needsInfo), lines(needsInfo)).changed()).isFalse();
    }

    @Test
    void aReMatchWithinTheSameMeasuresNamesTheLinesThatChangedElseNone() {
        List<String> before = List.of("QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||", "QJY-02|1|INELIGIBLE||||age:FAILED||",
                "QJY-03|1|INELIGIBLE||||age:FAILED||");
        List<String> published = List.of("QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||",
                "QJY-02|2|ELIGIBLE|500|YUAN_PER_MONTH|false|age:PASSED||", "QJY-03|1|INELIGIBLE||||age:FAILED||");
        List<String> retired = List.of("QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||", "QJY-03|1|INELIGIBLE||||age:FAILED||");
        List<String> replaced = List.of("QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||", "QJY-04|1|INELIGIBLE||||age:FAILED||",
                "QJY-03|1|INELIGIBLE||||age:FAILED||");

        assertThat(MatchDiff.between(before, published).changedPositions()).contains(List.of(1));
        assertThat(MatchDiff.between(before, before).changedPositions()).contains(List.of());
        assertThat(MatchDiff.between(before, retired).changedPositions()).as("a measure retired").isEmpty();
        assertThat(MatchDiff.between(before, replaced).changedPositions()).as("one retired, another published")
                .isEmpty();
        assertThat(MatchDiff.between(null, before).changedPositions()).as("a first evaluation").isEmpty();
    }

    @Test
    void theEligibleCodesChangeOnlyWhenAnOutcomeToOrFromEligibleDoes() {
        List<String> before = List.of("QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||", "QJY-02|1|INELIGIBLE||||age:FAILED||");
        List<String> newVersion = List.of("QJY-01|2|ELIGIBLE|7|NIGHT|false|age:PASSED||", "QJY-02|1|INELIGIBLE||||age:FAILED||");
        List<String> lost = List.of("QJY-01|2|NEEDS_INFO|||false|age:UNKNOWN|birthDate|", "QJY-02|1|INELIGIBLE||||age:FAILED||");
        List<String> reordered = List.of("QJY-02|1|INELIGIBLE||||age:FAILED||", "QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||");

        assertThat(MatchDiff.between(before, newVersion).sameEligible()).isTrue();
        assertThat(MatchDiff.between(before, lost).sameEligible()).isFalse();
        assertThat(MatchDiff.between(before, reordered).sameEligible()).isTrue();
        assertThat(MatchDiff.between(before, before.subList(1, 2)).sameEligible()).isFalse();
        assertThat(MatchDiff.between(null, before).sameEligible()).as("a first evaluation").isFalse();
    }

    /**
     * Every line of 300 applicants evaluated again a year and a half later (ages, insurance months, children moved
     * on), compared in place: the same answer as decoding each pair of lines and comparing the results.
     */
    @Test
    void linesComparedInPlaceSayWhatTheirDecodedResultsSay() throws Exception {
        EligibilityEngine engine = new EligibilityEngine();
        List<CompiledMeasure> measures = new ArrayList<>();
        for (MeasureDefinition definition : CatalogueSeed.load()) {
            measures.add(engine.compile(definition.withVersion(1)));
        }
        LocalDate today = LocalDate.of(2026, 3, 2);
        LocalDate later = today.plusDays(550);
        Matcher matcher = new Matcher(null, engine, Clock.systemUTC());
        Random random = new Random(3);
        int changed = 0;
        int flips = 0;
        for (int i = 0; i < 300; i++) {
            ApplicantFacts facts = BenchApplicants.facts(random, today);
            List<String> before = matcher.results(new CatalogueSnapshot(1, measures), facts, List.of(), today,
                    Outlooks.NEAR_MISS).stream().map(result -> StoredResult.of(result).encode()).toList();
            ApplicantMatches stored = new ApplicantMatches("a" + i, 1, 1, facts, List.of(), today, 1, null, before,
                    List.of(), false, List.of());
            List<String> after = matcher.refreshedLines(stored, measures, later);

            List<Integer> positions = new ArrayList<>();
            List<String> newly = new ArrayList<>();
            List<String> noLonger = new ArrayList<>();
            boolean noticed = false;
            for (int p = 0; p < before.size(); p++) {
                StoredResult was = StoredResult.decode(before.get(p));
                StoredResult is = StoredResult.decode(after.get(p));
                if (!was.equals(is)) {
                    positions.add(p);
                }
                noticed |= !was.noticeable().equals(is.noticeable());
                if (was.eligible() != is.eligible()) {
                    (was.eligible() ? noLonger : newly).add(is.measureCode());
                }
            }
            MatchDiff diff = MatchDiff.between(before, after);
            assertThat(diff.changedPositions()).contains(positions);
            assertThat(diff.changed()).isEqualTo(noticed);
            assertThat(diff.newlyEligible()).isEqualTo(newly.stream().sorted().toList());
            assertThat(diff.noLongerEligible()).isEqualTo(noLonger.stream().sorted().toList());
            assertThat(diff.sameEligible())
                    .isEqualTo(StoredResult.eligibleCodes(before).equals(StoredResult.eligibleCodes(after)));
            changed += noticed ? 1 : 0;
            flips += newly.size() + noLonger.size();
        }
        assertThat(changed).as("applicants whose results changed").isBetween(30, 299);
        assertThat(flips).as("measures gained or lost").isPositive();
    }

    private static List<String> lines(StoredResult... results) {
        return java.util.Arrays.stream(results).map(StoredResult::encode).toList();
    }

    private static StoredResult eligible(String code, int version, long amount) {
        return new StoredResult(code, version, Outcome.ELIGIBLE, amount, "CNY", false,
                List.of(criterion("age", CriterionStatus.PASSED)), List.of(), List.of());
    }

    private static StoredResult ineligible(String code, int version) {
        return new StoredResult(code, version, Outcome.INELIGIBLE, null, null, true,
                List.of(criterion("age", CriterionStatus.FAILED)), List.of(), List.of());
    }

    private static StoredResult.Criterion criterion(String id, CriterionStatus status) {
        return new StoredResult.Criterion(id, status);
    }
}
