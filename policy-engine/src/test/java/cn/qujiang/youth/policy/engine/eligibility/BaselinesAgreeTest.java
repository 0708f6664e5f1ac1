package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.GeneratedApplicants.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's baselines decide exactly what the CEL engine decides, so that comparing their speed is fair; and
 * the engine gives the same answers from many threads as from one.
 */
class BaselinesAgreeTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine();
    private static List<CompiledMeasure> cel;

    @BeforeAll
    static void compileCatalogue() throws RuleCompilationException {
        cel = new ArrayList<>();
        for (MeasureDefinition measure : CatalogueSeed.load()) {
            cel.add(ENGINE.compile(measure));
        }
    }

    @Test
    void handWrittenJavaAgreesWithCelOnPartlyFilledProfiles() {
        List<CompiledMeasure> handWritten = HandWrittenCatalogue.replaceRules(cel);
        List<ApplicantFacts> applicants = GeneratedApplicants.generate(400, 7, 0.15);

        List<List<MatchResult>> expected = matchAll(cel, applicants);

        assertThat(matchAll(handWritten, applicants)).isEqualTo(expected);
        assertThat(expected.stream().flatMap(List::stream).map(MatchResult::outcome).distinct())
                .as("the sample exercises every outcome").containsExactlyInAnyOrder(Outcome.values());
    }

    @Test
    void spelAgreesWithCelOnCompleteProfiles() {
        List<CompiledMeasure> spel = SpelCatalogue.replaceRules(cel);
        List<ApplicantFacts> applicants = GeneratedApplicants.generate(100, 11, 0);

        assertThat(matchAll(spel, applicants)).isEqualTo(matchAll(cel, applicants));
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
                .mapToObj(i -> ENGINE.evaluateAll(cel, applicants.get(i), AS_OF, GeneratedApplicants.held(i)))
                .toList();

        assertThat(parallel).isEqualTo(matchAll(cel, applicants));
    }

    private static List<List<MatchResult>> matchAll(List<CompiledMeasure> measures, List<ApplicantFacts> applicants) {
        return IntStream.range(0, applicants.size())
                .mapToObj(i -> ENGINE.evaluateAll(measures, applicants.get(i), AS_OF, GeneratedApplicants.held(i)))
                .toList();
    }
}
