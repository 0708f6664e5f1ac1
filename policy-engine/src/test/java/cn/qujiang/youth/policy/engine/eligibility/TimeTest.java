package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.criterion;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.measure;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Eligibility that stays true as time passes: facts derived from dates on the evaluation day, calendar arithmetic at
 * birthdays, month ends and leap days, and the day on which a result changes by time alone.
 */
class TimeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private final EligibilityEngine engine = new EligibilityEngine();

    @ParameterizedTest(name = "graduated {0}: {1} months on 2026-11-29, within three years: {2}")
    @CsvSource({
            "2023-10-30, 36, false",
            "2023-11-29, 36, false",
            "2023-11-30, 35, true",
            "2026-06-30, 4, true"})
    void withinThreeYearsOfGraduatingIsCalendarArithmetic(LocalDate graduated, long months, boolean within)
            throws Exception {
        ApplicantFacts graduate = profile("graduationDate", graduated);
        MeasureDefinition recentGraduates = measure("1",
                criterion("recent", "applicant.monthsSinceGraduation >= 0 && applicant.monthsSinceGraduation < 36"));

        MatchResult result = only(recentGraduates, graduate, TODAY);

        assertThat(result.criteria().get(0).values()).isEqualTo(Map.of("monthsSinceGraduation", months));
        assertThat(result.outcome()).isEqualTo(within ? Outcome.ELIGIBLE : Outcome.INELIGIBLE);
    }

    @Test
    void insuranceMonthsGrowWithTheCalendarLessTheGaps() {
        ApplicantFacts since31January = profile("socialInsuranceInQujiangSince", LocalDate.of(2026, 1, 31));
        ApplicantFacts withGaps = profile("socialInsuranceInQujiangSince", LocalDate.of(2025, 1, 1),
                "socialInsuranceGapMonths", 4);
        ApplicantFacts startingNextYear = profile("socialInsuranceInQujiangSince", LocalDate.of(2027, 1, 1));

        assertThat(months(since31January, LocalDate.of(2026, 2, 28))).as("February has no 31st").isZero();
        assertThat(months(since31January, LocalDate.of(2026, 3, 1))).isEqualTo(1);
        assertThat(months(withGaps, TODAY)).isEqualTo(22 - 4);
        assertThat(months(startingNextYear, TODAY)).as("never negative").isZero();
    }

    @Test
    void aLabourContractCountsItsTermWhileInForce() {
        ApplicantFacts threeYears = profile("laborContractStart", LocalDate.of(2026, 1, 1),
                "laborContractEnd", LocalDate.of(2028, 12, 31));
        ApplicantFacts openEnded = profile("laborContractStart", LocalDate.of(2020, 5, 1));

        assertThat(derive(threeYears, TODAY)).containsEntry("laborContractMonths", 36L)
                .containsEntry("laborContractOpenEnded", false);
        assertThat(derive(threeYears, LocalDate.of(2029, 1, 1))).as("ended")
                .containsEntry("laborContractMonths", 0L);
        assertThat(derive(threeYears, LocalDate.of(2025, 12, 31))).as("not started")
                .containsEntry("laborContractMonths", 0L);
        assertThat(derive(openEnded, TODAY)).containsEntry("laborContractOpenEnded", true)
                .doesNotContainKey("laborContractMonths");
    }

    @Test
    void childrenCountUntilTheirThirdBirthdayALeapDayChildUntilTheFirstOfMarch() {
        ApplicantFacts twoChildren = profile("childrenBirthDates",
                List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2020, 6, 1)));

        assertThat(derive(twoChildren, LocalDate.of(2027, 2, 28))).containsEntry("childrenUnder3", 1L);
        assertThat(derive(twoChildren, LocalDate.of(2027, 3, 1))).containsEntry("childrenUnder3", 0L);
        assertThat(derive(profile("childrenBirthDates", List.of()), TODAY)).containsEntry("childrenUnder3", 0L);
        assertThat(derive(profile(), TODAY)).doesNotContainKey("childrenUnder3");
    }

    @Test
    void twoMonthsOfInsuranceBecomeEligibleOnTheDayTheThirdIsComplete() throws Exception {
        MeasureDefinition rentSubsidy = measure("800",
                criterion("employed-here", "applicant.employerInQujiang"),
                criterion("insured", "applicant.socialInsuranceMonthsInQujiang >= 3"));
        ApplicantFacts twoMonths = profile("employerInQujiang", true,
                "socialInsuranceInQujiangSince", LocalDate.of(2026, 9, 15));

        MatchResult today = only(rentSubsidy, twoMonths, TODAY);
        MatchResult dayBefore = only(rentSubsidy, twoMonths, LocalDate.of(2026, 12, 14));
        MatchResult onTheDay = only(rentSubsidy, twoMonths, LocalDate.of(2026, 12, 15));

        assertThat(today.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(today.nearMiss()).isTrue();
        assertThat(today.criteria().get(1).passesFrom()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(today.eligibleFrom()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(dayBefore.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(onTheDay.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(onTheDay.eligibleFrom()).isNull();
    }

    @Test
    void tooOldIsNoNearMissAndSaysSinceWhen() throws Exception {
        MeasureDefinition young = measure("1", criterion("age", "applicant.age <= 35"),
                criterion("employed", "applicant.employmentStatus == 'EMPLOYED'"));
        ApplicantFacts turned36 = profile("birthDate", LocalDate.of(1990, 5, 1), "employmentStatus",
                ApplicantFacts.EmploymentStatus.EMPLOYED);

        MatchResult result = only(young, turned36, TODAY);

        assertThat(result.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(result.nearMiss()).as("no change and no waiting helps").isFalse();
        assertThat(result.criteria().get(0).failsFrom()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(result.criteria().get(0).passesFrom()).isNull();
        assertThat(result.eligibleFrom()).isNull();
    }

    @Test
    void tooYoungQualifiesOnTheBirthdayALeapDayBirthdayOnTheFirstOfMarch() throws Exception {
        MeasureDefinition adults = measure("1", criterion("age", "applicant.age >= 18 && applicant.age <= 35"));

        MatchResult leapling = only(adults, profile("birthDate", LocalDate.of(2012, 2, 29)), TODAY);
        MatchResult ordinary = only(adults, profile("birthDate", LocalDate.of(2009, 1, 10)), TODAY);

        assertThat(leapling.eligibleFrom()).as("2030 is a common year").isEqualTo(LocalDate.of(2030, 3, 1));
        assertThat(leapling.nearMiss()).isTrue();
        assertThat(ordinary.eligibleFrom()).isEqualTo(LocalDate.of(2027, 1, 10));
    }

    @Test
    void aRuleThatComputesWithAFactFindsTheSameDayByWalkingTheMonths() throws Exception {
        ApplicantFacts twoMonths = profile("socialInsuranceInQujiangSince", LocalDate.of(2026, 9, 15));

        MatchResult compared = only(measure("1", criterion("insured",
                "applicant.socialInsuranceMonthsInQujiang >= 3")), twoMonths, TODAY);
        MatchResult computed = only(measure("1", criterion("insured",
                "applicant.socialInsuranceMonthsInQujiang * 2 >= 6")), twoMonths, TODAY);

        assertThat(computed.eligibleFrom()).isEqualTo(compared.eligibleFrom()).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void aChildBenefitEndsOnTheThirdBirthdayAndSaysSo() throws Exception {
        MeasureDefinition childcare = measure("applicant.childrenUnder3 * 300",
                criterion("young-child", "applicant.childrenUnder3 >= 1"));
        ApplicantFacts oneChild = profile("childrenBirthDates", List.of(LocalDate.of(2023, 12, 10)));

        MatchResult before = only(childcare, oneChild, TODAY);
        MatchResult after = only(childcare, oneChild, LocalDate.of(2026, 12, 10));

        assertThat(before.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(before.amount()).isEqualTo(300L);
        assertThat(after.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(after.criteria().get(0).failsFrom()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(after.nearMiss()).isFalse();
    }

    @Test
    void noEligibleFromWhenAnotherLimitIsPassedByThen() throws Exception {
        MeasureDefinition young = measure("1", criterion("age", "applicant.age <= 35"),
                criterion("insured", "applicant.socialInsuranceMonthsInQujiang >= 6"));
        ApplicantFacts turning36Soon = profile("birthDate", LocalDate.of(1991, 1, 5),
                "socialInsuranceInQujiangSince", LocalDate.of(2026, 10, 1));

        MatchResult result = only(young, turning36Soon, TODAY);

        assertThat(result.criteria().get(1).passesFrom()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(result.eligibleFrom()).as("36 by then").isNull();
    }

    @Test
    void aDegreeCountsFromItsGraduationDayAndTheOneHeldBeforeItUntilThen() {
        ApplicantFacts partTimeMaster = profile("degree", Degree.MASTER, "graduationDate", LocalDate.of(2027, 6, 30),
                "otherDegrees", List.of(new Graduation(Degree.BACHELOR, LocalDate.of(2024, 6, 30))));

        assertThat(derive(partTimeMaster, TODAY)).containsEntry("degree", "BACHELOR")
                .containsEntry("monthsSinceGraduation", 28L).containsEntry("studyingFor", "MASTER")
                .containsEntry("monthsToGraduation", 7L);
        assertThat(derive(partTimeMaster, LocalDate.of(2027, 6, 29))).containsEntry("degree", "BACHELOR")
                .containsEntry("monthsToGraduation", 0L);
        assertThat(derive(partTimeMaster, LocalDate.of(2027, 6, 30))).containsEntry("degree", "MASTER")
                .containsEntry("monthsSinceGraduation", 0L).containsEntry("studyingFor", "NONE")
                .doesNotContainKey("monthsToGraduation");
        assertThat(derive(profile("degree", Degree.HIGH_SCHOOL), TODAY)).containsEntry("degree", "HIGH_SCHOOL")
                .containsEntry("studyingFor", "NONE").doesNotContainKey("monthsSinceGraduation");
    }

    @Test
    void aBachelorWorkingSinceGraduatingStaysARecentGraduateWhileStudyingForAMaster() throws Exception {
        MeasureDefinition graduateGrant = measure("1",
                criterion("recent", "applicant.monthsSinceGraduation < 36"),
                criterion("degree", "applicant.degree in ['JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR']"));
        ApplicantFacts partTimeMaster = profile("degree", Degree.MASTER, "graduationDate", LocalDate.of(2027, 6, 30),
                "otherDegrees", List.of(new Graduation(Degree.BACHELOR, LocalDate.of(2024, 6, 30))));
        ApplicantFacts masterOnlyGiven = profile("degree", Degree.MASTER, "graduationDate", LocalDate.of(2027, 6, 30),
                "otherDegrees", List.of());

        assertThat(only(graduateGrant, partTimeMaster, TODAY).outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(only(graduateGrant, masterOnlyGiven, TODAY).outcome()).isEqualTo(Outcome.INELIGIBLE);
    }

    @Test
    void aMastersMeasureOpensOnTheDayTheMasterIsAwarded() throws Exception {
        MeasureDefinition masters = measure("1", criterion("degree", "applicant.degree in ['MASTER', 'DOCTOR']"));
        ApplicantFacts finalYear = profile("degree", Degree.MASTER, "graduationDate", LocalDate.of(2027, 6, 30),
                "otherDegrees", List.of(new Graduation(Degree.BACHELOR, LocalDate.of(2024, 6, 30))));
        ApplicantFacts bachelorOnly = profile("degree", Degree.BACHELOR, "graduationDate", LocalDate.of(2024, 6, 30));

        MatchResult student = only(masters, finalYear, TODAY);
        MatchResult bachelor = only(masters, bachelorOnly, TODAY);

        assertThat(student.nearMiss()).isTrue();
        assertThat(student.criteria().get(0).passesFrom()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(student.eligibleFrom()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(bachelor.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(bachelor.nearMiss()).as("no degree is expected, so no date will change it").isFalse();
        assertThat(bachelor.eligibleFrom()).isNull();
    }

    @Test
    void factsGivenByNameHaveNoDatesToChange() throws Exception {
        CompiledMeasure insured = engine.compile(measure("1", criterion("insured",
                "applicant.socialInsuranceMonthsInQujiang >= 3")));

        MatchResult result = engine.evaluate(insured, Map.of("socialInsuranceMonthsInQujiang", 2), TODAY, Set.of());

        assertThat(result.criteria()).extracting(CriterionResult::status).containsExactly(CriterionStatus.FAILED);
        assertThat(result.criteria().get(0).passesFrom()).isNull();
        assertThat(result.nearMiss()).isTrue();
    }

    private MatchResult only(MeasureDefinition measure, ApplicantFacts facts, LocalDate asOf) throws Exception {
        return engine.evaluateAll(List.of(engine.compile(measure)), facts, asOf, Set.of()).get(0);
    }

    private static long months(ApplicantFacts facts, LocalDate asOf) {
        return (Long) derive(facts, asOf).get("socialInsuranceMonthsInQujiang");
    }

    private static DerivedFacts derive(ApplicantFacts facts, LocalDate asOf) {
        return ApplicantFactsDeriver.derive(facts, asOf);
    }
}
