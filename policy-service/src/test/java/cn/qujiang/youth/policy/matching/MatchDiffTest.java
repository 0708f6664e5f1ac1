package cn.qujiang.youth.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import java.util.List;
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
