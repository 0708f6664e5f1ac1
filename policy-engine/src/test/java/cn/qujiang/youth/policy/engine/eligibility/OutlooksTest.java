package cn.qujiang.youth.policy.engine.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Matching asks time only whether waiting can mend a failure; what it stores and announces (outcome, near miss,
 * criteria, amounts) must be exactly what the results shown to the resident say, only without the days.
 */
class OutlooksTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine();
    private static final List<CompiledMeasure> CATALOGUE = SeedCatalogue.compile(ENGINE);

    @ParameterizedTest(name = "on {0}, facts missing with probability {1}")
    @CsvSource({"2026-03-02, 0.1", "2027-01-31, 0", "2028-02-29, 0.1"})
    void matchingDecidesAsTheShownResultsDoWithoutTheDays(LocalDate asOf, double missingRate) {
        List<ApplicantFacts> applicants = GeneratedApplicants.generate(200, 23, missingRate);
        int hopeless = 0;
        int dated = 0;
        for (int i = 0; i < applicants.size(); i++) {
            List<MatchResult> shown = ENGINE.evaluateAll(CATALOGUE, applicants.get(i), asOf,
                    GeneratedApplicants.held(i), Outlooks.DATES);
            List<MatchResult> matched = ENGINE.evaluateAll(CATALOGUE, applicants.get(i), asOf,
                    GeneratedApplicants.held(i), Outlooks.NEAR_MISS);

            assertThat(matched).as("applicant %d on %s", i, asOf)
                    .isEqualTo(shown.stream().map(OutlooksTest::withoutDays).toList());
            for (MatchResult result : shown) {
                boolean failedOnOne = result.criteria().stream().filter(c -> c.failsFrom() != null).count() == 1;
                hopeless += failedOnOne && !result.nearMiss() ? 1 : 0;
                dated += result.eligibleFrom() != null ? 1 : 0;
            }
        }
        // Both kinds of result occur, so the comparison above covers what NEAR_MISS works out and what it leaves.
        assertThat(hopeless).as("hopeless failures (too old), not near misses").isPositive();
        assertThat(dated).as("results with the day time makes the applicant eligible").isPositive();
    }

    private static MatchResult withoutDays(MatchResult result) {
        return new MatchResult(result.measureCode(), result.measureVersion(), result.outcome(), result.amount(),
                result.unit(), result.benefitKind(), result.nearMiss(),
                result.criteria().stream()
                        .map(c -> new CriterionResult(c.id(), c.status(), c.values(), null, null))
                        .toList(),
                result.missingFacts(), result.excludedBy(), null);
    }
}
