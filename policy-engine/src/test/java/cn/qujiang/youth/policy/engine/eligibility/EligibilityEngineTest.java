package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus.FAILED;
import static cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus.PASSED;
import static cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus.UNKNOWN;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.AS_OF;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.criterion;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.measure;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Window;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityEngineTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    private final MeasureDefinition youthStation = measure("7",
            criterion("age", "applicant.age >= 18 && applicant.age <= 35"),
            criterion("first-job-search",
                    "applicant.firstTimeInQujiang && applicant.employmentStatus == 'JOB_SEEKING'"));

    @Test
    void eligibleApplicantGetsTheAmountUnitAndAPassedTrace() throws Exception {
        MatchResult result = evaluate(youthStation,
                Map.of("age", 24L, "firstTimeInQujiang", true, "employmentStatus", "JOB_SEEKING"));

        assertThat(result.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(result.amount()).isEqualTo(7L);
        assertThat(result.unit()).isEqualTo("NIGHT");
        assertThat(result.benefitKind()).isEqualTo("IN_KIND");
        assertThat(result.measureCode()).isEqualTo("T-01");
        assertThat(result.measureVersion()).isEqualTo(3);
        assertThat(result.criteria()).containsExactly(
                new CriterionResult("age", PASSED, Map.of("age", 24L), null, null),
                new CriterionResult("first-job-search", PASSED,
                        Map.of("firstTimeInQujiang", true, "employmentStatus", "JOB_SEEKING"), null, null));
        assertThat(result.missingFacts()).isEmpty();
        assertThat(result.nearMiss()).isFalse();
    }

    @Test
    void amountIsComputedFromTheApplicantsFacts() throws Exception {
        MeasureDefinition childcare = measure("applicant.childrenUnder3 * 300",
                criterion("has-young-child", "applicant.childrenUnder3 >= 1"));

        assertThat(evaluate(childcare, Map.of("childrenUnder3", 2)).amount()).isEqualTo(600L);
    }

    @Test
    void oneFailedCriterionIsANearMissWithTheApplicantsValues() throws Exception {
        MatchResult result = evaluate(youthStation,
                Map.of("age", 36, "firstTimeInQujiang", true, "employmentStatus", "JOB_SEEKING"));

        assertThat(result.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(result.nearMiss()).isTrue();
        assertThat(result.amount()).isNull();
        assertThat(result.unit()).isNull();
        assertThat(result.criteria()).extracting(CriterionResult::status).containsExactly(FAILED, PASSED);
        assertThat(result.criteria().get(0).values()).isEqualTo(Map.of("age", 36L));
    }

    @Test
    void twoFailuresOrAFailureWithAnUnknownAreNoNearMiss() throws Exception {
        MatchResult twoFailed = evaluate(youthStation,
                Map.of("age", 36, "firstTimeInQujiang", true, "employmentStatus", "EMPLOYED"));
        MatchResult failedAndUnknown = evaluate(youthStation, Map.of("age", 36, "firstTimeInQujiang", true));

        assertThat(twoFailed.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(twoFailed.nearMiss()).isFalse();
        assertThat(failedAndUnknown.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(failedAndUnknown.nearMiss()).isFalse();
        assertThat(failedAndUnknown.missingFacts()).isEmpty();
        assertThat(failedAndUnknown.criteria()).extracting(CriterionResult::status).containsExactly(FAILED, UNKNOWN);
    }

    @Test
    void needsInfoListsExactlyTheMissingFactsOfUndecidedCriteria() throws Exception {
        MeasureDefinition nursery = measure("1",
                criterion("local", "applicant.residesInQujiang || applicant.employerInQujiang"),
                criterion("young-family", "applicant.married && applicant.childrenUnder3 >= 1"),
                criterion("age", "applicant.age <= 40"));

        MatchResult result = evaluate(nursery, Map.of("residesInQujiang", true, "married", true));

        assertThat(result.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(result.missingFacts()).containsExactly("age", "childrenUnder3");
        assertThat(result.criteria()).extracting(CriterionResult::status).containsExactly(PASSED, UNKNOWN, UNKNOWN);
        assertThat(result.criteria().get(1).values()).isEqualTo(Map.of("married", true));
        assertThat(result.criteria().get(2).values()).isEmpty();
        assertThat(result.amount()).isNull();
    }

    @Test
    void missingFactsAreSortedAndDistinct() throws Exception {
        MatchResult result = evaluate(youthStation, Map.of());

        assertThat(result.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(result.missingFacts()).containsExactly("age", "employmentStatus", "firstTimeInQujiang");
    }

    @Test
    void logicalOperatorsDecideDespiteAMissingFactOnEitherSide() throws Exception {
        MeasureDefinition measure = measure("1",
                criterion("true-or-missing", "applicant.residesInQujiang || applicant.employerInQujiang"),
                criterion("missing-or-true", "applicant.married || applicant.age >= 18"),
                criterion("false-and-missing", "applicant.topUniversity && applicant.hukou == 'QUJIANG'"));

        MatchResult result = evaluate(measure, Map.of("residesInQujiang", true, "age", 20, "topUniversity", false));

        assertThat(result.criteria()).extracting(CriterionResult::status).containsExactly(PASSED, PASSED, FAILED);
        assertThat(result.criteria().get(0).values()).isEqualTo(Map.of("residesInQujiang", true));
        assertThat(result.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(result.nearMiss()).isTrue();
    }

    @Test
    void anAmountThatNeedsAMissingFactAsksForIt() throws Exception {
        MeasureDefinition allowance = measure("applicant.degree == 'DOCTOR' ? 5000 : 1000",
                criterion("age", "applicant.age <= 35"));

        MatchResult result = evaluate(allowance, Map.of("age", 30));

        assertThat(result.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(result.missingFacts()).containsExactly("degree");
        assertThat(result.criteria()).extracting(CriterionResult::status).containsExactly(PASSED);
    }

    @Test
    void aRuntimeErrorWithEveryFactGivenFailsTheCriterion() throws Exception {
        MeasureDefinition overflowing = measure("1",
                criterion("overflow", "applicant.age * 9223372036854775807 > 0"));

        MatchResult result = evaluate(overflowing, Map.of("age", 20));

        assertThat(result.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(result.criteria().get(0).status()).isEqualTo(FAILED);
        assertThat(result.criteria().get(0).values()).isEqualTo(Map.of("age", 20L));
    }

    @Test
    void isNotOpenBeforeOrAfterItsWindowAndOpenOnBothEnds() throws Exception {
        Window window = new Window(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        CompiledMeasure measure = engine.compile(TestMeasures.measure(window, List.of(), "7",
                youthStation.criteria(), List.of()));
        Map<String, Object> facts = Map.of("age", 24L, "firstTimeInQujiang", true, "employmentStatus", "JOB_SEEKING");

        assertThat(engine.evaluate(measure, facts, LocalDate.of(2023, 12, 31), Set.of()).outcome())
                .isEqualTo(Outcome.NOT_OPEN);
        assertThat(engine.evaluate(measure, facts, LocalDate.of(2024, 1, 1), Set.of()).outcome())
                .isEqualTo(Outcome.ELIGIBLE);
        assertThat(engine.evaluate(measure, facts, LocalDate.of(2024, 12, 31), Set.of()).outcome())
                .isEqualTo(Outcome.ELIGIBLE);
        MatchResult after = engine.evaluate(measure, facts, LocalDate.of(2025, 1, 1), Set.of());
        assertThat(after.outcome()).isEqualTo(Outcome.NOT_OPEN);
        assertThat(after.criteria()).isEmpty();
        assertThat(after.amount()).isNull();
        assertThat(after.benefitKind()).isEqualTo("IN_KIND");
    }

    @Test
    void holdingAnExcludedMeasureExcludesAndNamesIt() throws Exception {
        CompiledMeasure rentSubsidy = engine.compile(TestMeasures.measure(TestMeasures.OPEN_2024,
                List.of("QJY-16", "QJY-40"), "800", youthStation.criteria(), List.of()));
        Map<String, Object> facts = Map.of("age", 24L, "firstTimeInQujiang", true, "employmentStatus", "JOB_SEEKING");

        MatchResult excluded = engine.evaluate(rentSubsidy, facts, AS_OF, Set.of("QJY-40", "QJY-05", "QJY-16"));
        MatchResult free = engine.evaluate(rentSubsidy, facts, AS_OF, Set.of("QJY-05"));

        assertThat(excluded.outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(excluded.excludedBy()).containsExactly("QJY-16", "QJY-40");
        assertThat(excluded.criteria()).isEmpty();
        assertThat(free.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(engine.evaluate(rentSubsidy, facts, LocalDate.of(2023, 1, 1), Set.of("QJY-16")).outcome())
                .as("the window is checked first").isEqualTo(Outcome.NOT_OPEN);
    }

    @Test
    void evaluateAllDerivesTheFactsFromTheProfileOnTheEvaluationDate() throws Exception {
        CompiledMeasure station = engine.compile(youthStation);
        ApplicantFacts profile = new ApplicantFacts(LocalDate.of(1990, 3, 3), null, null, null, null, null, null, null,
                true, EmploymentStatus.JOB_SEEKING, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);

        List<MatchResult> turning36Tomorrow = engine.evaluateAll(List.of(station), profile, AS_OF, Set.of());
        List<MatchResult> turned36 = engine.evaluateAll(List.of(station), profile, AS_OF.plusDays(1), Set.of());

        assertThat(turning36Tomorrow).extracting(MatchResult::outcome).containsExactly(Outcome.ELIGIBLE);
        assertThat(turned36).extracting(MatchResult::outcome).containsExactly(Outcome.INELIGIBLE);
        assertThat(turned36.get(0).criteria().get(0).values()).isEqualTo(Map.of("age", 36L));
    }

    private MatchResult evaluate(MeasureDefinition measure, Map<String, Object> facts) throws Exception {
        return engine.evaluate(engine.compile(measure), facts, AS_OF, Set.of());
    }
}
