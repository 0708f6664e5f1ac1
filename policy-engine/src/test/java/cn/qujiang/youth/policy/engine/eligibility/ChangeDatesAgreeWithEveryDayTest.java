package cn.qujiang.youth.policy.engine.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dates the engine finds by evaluating only the days a rule's answer can change on ({@link ChangeDates}) are
 * those found by the plainest search there is: deriving the whole profile on every day of the horizon and evaluating
 * the rule on each. Generated applicants against the sample catalogue, on an ordinary day, a month end and a leap
 * day, so that the shortcuts (candidate days, skipped evaluations) are held to the definition they stand for.
 */
class ChangeDatesAgreeWithEveryDayTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine();
    private static final List<CompiledMeasure> CATALOGUE = SeedCatalogue.compile(ENGINE);

    @ParameterizedTest(name = "on {0}, facts missing with probability {1}")
    @CsvSource({
            "2026-03-02, 0.1, 30",
            "2027-01-31, 0, 30",
            "2028-02-29, 0.1, 30"})
    void datesAreThoseOfEvaluatingEveryDay(LocalDate asOf, double missingRate, int count) {
        List<ApplicantFacts> applicants = GeneratedApplicants.generate(count, 17, missingRate);
        int dated = 0;
        for (int i = 0; i < applicants.size(); i++) {
            List<MatchResult> results = ENGINE.evaluateAll(CATALOGUE, applicants.get(i), asOf,
                    GeneratedApplicants.held(i));
            EveryDay everyDay = new EveryDay(applicants.get(i), asOf);
            List<Dates> expected = new ArrayList<>();
            for (int m = 0; m < results.size(); m++) {
                expected.add(everyDay.dates(CATALOGUE.get(m), results.get(m)));
            }
            assertThat(results.stream().map(Dates::of).toList()).as("applicant %d on %s", i, asOf)
                    .isEqualTo(expected);
            dated += (int) expected.stream().filter(dates -> dates.eligibleFrom() != null
                    || dates.criteria().stream().anyMatch(c -> c.passesFrom() != null || c.failsFrom() != null))
                    .count();
        }
        assertThat(dated).as("results with a date, to compare something").isGreaterThan(count / 2);
    }

    /**
     * Rules on one count that the sample does not have: floored counts with gaps, passing only in the past or only
     * at one value, reached across month ends and leap days.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "applicant.socialInsuranceMonthsInQujiang <= 2",
            "applicant.socialInsuranceMonthsInQujiang == 0 || applicant.socialInsuranceMonthsInQujiang == 14",
            "applicant.socialInsuranceMonthsInQujiang > 1 && applicant.socialInsuranceMonthsInQujiang != 7",
            "applicant.age == 29 || applicant.age > 41 && applicant.age < 43",
            "applicant.startupAgeMonths < -2 || applicant.startupAgeMonths == 30"})
    void datesOfRulesOnOneCountAreThoseOfEvaluatingEveryDay(String rule) throws RuleCompilationException {
        CompiledMeasure measure = ENGINE.compile(TestMeasures.measure("1", TestMeasures.criterion("count", rule)));
        LocalDate asOf = LocalDate.of(2028, 2, 29);
        List<ApplicantFacts> profiles = new ArrayList<>();
        for (int months = -20; months <= 40; months += 3) {
            LocalDate month = asOf.minusMonths(months);
            LocalDate start = month.withDayOfMonth(months % 2 == 0 ? month.lengthOfMonth() : 1);
            profiles.add(TestMeasures.profile("socialInsuranceInQujiangSince", start, "socialInsuranceGapMonths",
                    months % 5, "birthDate", start.minusYears(30), "startupSince", start));
        }
        for (ApplicantFacts profile : profiles) {
            MatchResult result = ENGINE.evaluateAll(List.of(measure), profile, asOf, Set.of()).get(0);
            assertThat(Dates.of(result)).as("%s", profile).isEqualTo(new EveryDay(profile, asOf).dates(measure,
                    result));
        }
    }

    /** What a result says about time: per criterion its dates, the measure's eligibleFrom and nearMiss. */
    private record Dates(String measure, List<CriterionDates> criteria, LocalDate eligibleFrom, boolean nearMiss) {

        static Dates of(MatchResult result) {
            return new Dates(result.measureCode(), result.criteria().stream()
                    .map(c -> new CriterionDates(c.passesFrom(), c.failsFrom())).toList(), result.eligibleFrom(),
                    result.nearMiss());
        }
    }

    private record CriterionDates(LocalDate passesFrom, LocalDate failsFrom) {
    }

    /** One applicant's profile derived again on any day of the horizon, each day once. */
    private static final class EveryDay {

        private final ApplicantFacts profile;
        private final LocalDate asOf;
        private final Map<LocalDate, DerivedFacts> byDay = new HashMap<>();

        EveryDay(ApplicantFacts profile, LocalDate asOf) {
            this.profile = profile;
            this.asOf = asOf;
        }

        /** The dates the engine should give for this result, found the slow way. */
        Dates dates(CompiledMeasure measure, MatchResult result) {
            List<CriterionResult> criteria = result.criteria();
            List<CriterionDates> none = criteria.stream().map(c -> new CriterionDates(null, null)).toList();
            long failed = criteria.stream().filter(c -> c.status() == CriterionStatus.FAILED).count();
            long unknown = criteria.stream().filter(c -> c.status() == CriterionStatus.UNKNOWN).count();
            if (result.outcome() != Outcome.INELIGIBLE || failed != 1 || unknown != 0) {
                return new Dates(result.measureCode(), none, null, result.nearMiss());
            }
            int failing = 0;
            while (criteria.get(failing).status() != CriterionStatus.FAILED) {
                failing++;
            }
            CompiledRule rule = measure.criteria().get(failing);
            if (!rule.readsTime()) {
                return new Dates(result.measureCode(), none, null, true);
            }
            LocalDate passesFrom = null;
            for (LocalDate day = asOf.plusDays(1); passesFrom == null && !day.isAfter(asOf.plusYears(10));
                    day = day.plusDays(1)) {
                passesFrom = passes(rule, day) ? day : null;
            }
            boolean hopeless = passesFrom == null && rule.readsOnlyTime();
            LocalDate failsFrom = null;
            for (LocalDate day = asOf; hopeless && failsFrom == null && day.isAfter(asOf.minusYears(10));
                    day = day.minusDays(1)) {
                failsFrom = passes(rule, day.minusDays(1)) ? day : null;
            }
            List<CriterionDates> dates = new ArrayList<>(none);
            dates.set(failing, new CriterionDates(passesFrom, failsFrom));
            return new Dates(result.measureCode(), dates, eligibleOn(measure, passesFrom) ? passesFrom : null,
                    !hopeless);
        }

        private boolean eligibleOn(CompiledMeasure measure, LocalDate day) {
            Window window = measure.definition().window();
            if (day == null || window != null && !window.contains(day)) {
                return false;
            }
            return measure.criteria().stream().allMatch(rule -> passes(rule, day));
        }

        private boolean passes(CompiledRule rule, LocalDate day) {
            DerivedFacts facts = byDay.computeIfAbsent(day, d -> ApplicantFactsDeriver.derive(profile, d));
            return Boolean.TRUE.equals(rule.evaluator().evaluate(facts));
        }
    }
}
