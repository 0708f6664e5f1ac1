package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.GeneratedApplicants.AS_OF;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.criterion;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.measure;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import dev.cel.runtime.CelAttribute;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The activation hands CEL the facts as pre-converted values ({@code CelActivation.FactValue}) to spare the planner
 * its value conversion; every rule must still give what it gives when CEL converts the plain values itself, whether
 * decided, unknown for want of a fact or failing (an overflow).
 */
class CelActivationTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine();
    private static List<CompiledMeasure> seed;
    /** Every distinct rule of the seed and of a measure that overflows for some applicants, by expression. */
    private static Map<String, CompiledRule> rules;

    @BeforeAll
    static void compile() throws RuleCompilationException {
        seed = new ArrayList<>();
        for (MeasureDefinition measure : CatalogueSeed.load()) {
            seed.add(ENGINE.compile(measure));
        }
        // Overflows for applicants with a 60-month contract (the criterion) or two young children (the amount).
        CompiledMeasure overflowing = ENGINE.compile(measure(
                "applicant.childrenUnder3 == 2 ? 9223372036854775807 + applicant.age : 100",
                criterion("contract", "applicant.laborContractMonths == 60"
                        + " ? 9223372036854775807 + applicant.age > 0 : applicant.age >= 18")));
        rules = new LinkedHashMap<>();
        Stream.concat(seed.stream(), Stream.of(overflowing))
                .flatMap(measure -> Stream.concat(measure.criteria().stream(), Stream.of(measure.amount())))
                .forEach(rule -> rules.putIfAbsent(rule.expression(), rule));
    }

    @Test
    void everyRuleGivesWhatItGivesOnPlainValues() {
        Set<String> kinds = new TreeSet<>();
        for (ApplicantFacts applicant : applicants()) {
            DerivedFacts facts = ApplicantFactsDeriver.derive(applicant, AS_OF);
            CelVariableResolver plain = plainValues(facts);
            for (CompiledRule rule : rules.values()) {
                Object expected = evaluate(rule, plain);
                assertThat(evaluate(rule, facts.activation)).as("%s for %s", rule.expression(), facts)
                        .isEqualTo(expected);
                kinds.add(expected instanceof CelUnknownSet ? "unknown"
                        : expected instanceof String ? "error" : expected.getClass().getSimpleName());
            }
        }
        assertThat(kinds).as("decided, unknown and failing rules occur")
                .containsExactly("Boolean", "Long", "error", "unknown");
    }

    @Test
    void matchResultsAgreeWithTheHandWrittenCatalogue() {
        List<CompiledMeasure> handWritten = HandWrittenCatalogue.replaceRules(seed);
        List<ApplicantFacts> applicants = applicants();
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);

        for (int i = 0; i < applicants.size(); i++) {
            Set<String> held = GeneratedApplicants.held(i);
            List<MatchResult> cel = ENGINE.evaluateAll(seed, applicants.get(i), AS_OF, held);
            assertThat(cel).as("applicant %d", i)
                    .isEqualTo(ENGINE.evaluateAll(handWritten, applicants.get(i), AS_OF, held));
            cel.forEach(result -> outcomes.add(result.outcome()));
        }
        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.values());
    }

    /** Complete profiles, then profiles with each fact missing with probability 10%. */
    private static List<ApplicantFacts> applicants() {
        return Stream.concat(GeneratedApplicants.generate(750, 17, 0).stream(),
                GeneratedApplicants.generate(750, 19, 0.1).stream()).toList();
    }

    /** The result, an unknown set, or the message of the evaluation error. */
    private static Object evaluate(CompiledRule rule, CelVariableResolver variables) {
        try {
            return ((CelRules.CelEvaluator) rule.evaluator()).program().eval(variables);
        } catch (CelEvaluationException e) {
            return e.getMessage();
        }
    }

    /** The facts as the Java values themselves, for CEL to convert; facts not given as unknowns, as in production. */
    private static CelVariableResolver plainValues(DerivedFacts facts) {
        return variable -> {
            EligibilityFact fact = EligibilityFact.byVariable(variable);
            if (fact == null) {
                return Optional.empty();
            }
            Object value = facts.value(fact);
            return Optional.of(value != null ? value
                    : CelUnknownSet.create(CelAttribute.fromQualifiedIdentifier(fact.variable())));
        };
    }
}
