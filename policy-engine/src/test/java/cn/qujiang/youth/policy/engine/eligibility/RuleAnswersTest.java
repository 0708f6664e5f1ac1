package cn.qujiang.youth.policy.engine.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rule's answers worked out once by value are its answers for every value, and only rules that allow it get them. */
class RuleAnswersTest {

    private static final CelRules CEL = new CelRules();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "applicant.age >= 18 && applicant.age <= 35",
            "applicant.age == 35 || applicant.age == 36",
            "applicant.age != 30 && !(applicant.age < 20)",
            "applicant.monthsToGraduation < 12",
            "-3 < applicant.monthsSinceGraduation && applicant.monthsSinceGraduation <= 0",
            "applicant.childrenUnder3 >= 1",
            "applicant.socialInsuranceMonthsInQujiang > 5 ? applicant.socialInsuranceMonthsInQujiang < 12 : true"})
    void answersByValueAreTheRulesAnswersForEveryValue(String expression) throws Exception {
        AnswersByValue answers = (AnswersByValue) assertAnswers(expression, AnswersByValue.class,
                LongStream.rangeClosed(-50, 80).boxed().toList());

        for (long value = -40; value <= 70; value++) {
            assertThat(answers.nextPassing(value)).as("next after %d", value).isEqualTo(walk(answers, value, 1));
            assertThat(answers.lastPassing(value)).as("last before %d", value).isEqualTo(walk(answers, value, -1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "applicant.degree in ['MASTER', 'DOCTOR']",
            "applicant.studyingFor != 'NONE'",
            "!applicant.laborContractOpenEnded"})
    void answersByNameAreTheRulesAnswersForEveryValue(String expression) throws Exception {
        EligibilityFact fact = CEL.compile("T-01", "rule", expression, SimpleType.BOOL).reads().get(0);

        assertAnswers(expression, AnswersByName.class,
                fact.type() == EligibilityFact.Type.BOOL ? List.of(true, false) : fact.allowedValues());
    }

    /** The rule's answers are of the kind expected and agree with evaluating it on each of the values. */
    private static RuleAnswers assertAnswers(String expression, Class<? extends RuleAnswers> kind, List<?> values)
            throws RuleCompilationException {
        CompiledRule rule = CEL.compile("T-01", "rule", expression, SimpleType.BOOL);
        EligibilityFact fact = rule.reads().get(0);

        assertThat(rule.answers()).isInstanceOf(kind);
        for (Object value : values) {
            Object evaluated = rule.evaluator().evaluate(DerivedFacts.of(Map.of(fact.factName(), value)));
            assertThat(rule.answers().passes(value)).as("%s at %s", expression, value)
                    .isEqualTo(Boolean.TRUE.equals(evaluated));
        }
        assertThat(rule.answers().passes(null)).as("a fact not given never passes").isFalse();
        return rule.answers();
    }

    /** The first value from {@code value} on in {@code step}s at which the rule passes, looking 100 values far. */
    private static Long walk(AnswersByValue answers, long value, int step) {
        for (long next = value + step; Math.abs(next - value) <= 100; next += step) {
            if (answers.passes((Object) next)) {
                return next;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "applicant.age <= 35 && applicant.married",
            "applicant.age * 2 > 30",
            "applicant.age <= applicant.monthsSinceGraduation",
            "applicant.age in [30, 31]",
            "applicant.married",
            "applicant.gender == 'FEMALE'",
            "applicant.degree == applicant.studyingFor",
            "applicant.age > 9223372036854775807"})
    void onlyARuleOnOneTimeFactOfFewValuesOrComparedWithConstantsHasThem(String expression) throws Exception {
        assertThat(CEL.compile("T-01", "rule", expression, SimpleType.BOOL).answers()).isNull();
    }
}
