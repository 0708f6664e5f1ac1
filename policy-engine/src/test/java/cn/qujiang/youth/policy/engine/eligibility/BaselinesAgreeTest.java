package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.GeneratedApplicants.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's baselines decide exactly what the CEL engine decides, so that comparing their speed is fair; and
 * the engine gives the same answers from many threads as from one.
 */
class BaselinesAgreeTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine();
    private static final List<CompiledMeasure> CEL = SeedCatalogue.compile(ENGINE);

    @Test
    void handWrittenJavaAgreesWithCelOnPartlyFilledProfiles() {
        List<CompiledMeasure> handWritten = HandWrittenCatalogue.replaceRules(CEL);
        List<ApplicantFacts> applicants = GeneratedApplicants.generate(400, 7, 0.15);

        List<List<MatchResult>> expected = matchAll(CEL, applicants);

        assertThat(matchAll(handWritten, applicants)).isEqualTo(expected);
        assertThat(expected.stream().flatMap(List::stream).map(MatchResult::outcome).distinct())
                .as("the sample exercises every outcome").containsExactlyInAnyOrder(Outcome.values());
    }

    @Test
    void spelAgreesWithCelOnCompleteProfiles() {
        List<CompiledMeasure> spel = SpelCatalogue.replaceRules(CEL);
        List<ApplicantFacts> applicants = GeneratedApplicants.generate(100, 11, 0);

        assertThat(matchAll(spel, applicants)).isEqualTo(matchAll(CEL, applicants));
    }

    @Test
    void spelTranslationIsMechanical() {
        assertThat(SpelCatalogue.toSpel("applicant.age >= 18 && (applicant.degree in ['MASTER', 'DOCTOR']"
                + " || !applicant.married)"))
                .isEqualTo("age >= 18 and ({'MASTER', 'DOCTOR'}.contains(degree) or !married)");
    }

    @Test
    void concurrentEvaluationGivesTheSameResults() {
        List<ApplicantFacts> applicants = GeneratedApplicants.generate(200, 13, 0.1);

        List<List<MatchResult>> parallel = IntStream.range(0, applicants.size()).parallel()
                .mapToObj(i -> ENGINE.evaluateAll(CEL, applicants.get(i), AS_OF, GeneratedApplicants.held(i)))
                .toList();

        assertThat(parallel).isEqualTo(matchAll(CEL, applicants));
    }

    private static List<List<MatchResult>> matchAll(List<CompiledMeasure> measures, List<ApplicantFacts> applicants) {
        return IntStream.range(0, applicants.size())
                .mapToObj(i -> ENGINE.evaluateAll(measures, applicants.get(i), AS_OF, GeneratedApplicants.held(i)))
                .toList();
    }
}
