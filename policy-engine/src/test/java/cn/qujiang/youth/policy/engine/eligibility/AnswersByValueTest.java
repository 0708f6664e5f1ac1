package cn.qujiang.youth.policy.engine.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rule's answers worked out by value once are its answers for every value, and only rules that allow it get them. */
class AnswersByValueTest {

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
        CompiledRule rule = CEL.compile("T-01", "rule", expression, SimpleType.BOOL);
        EligibilityFact fact = rule.reads().get(0);

        assertThat(rule.answers()).isNotNull();
        for (long value = -50; value <= 80; value++) {
            Object evaluated = rule.evaluator().evaluate(DerivedFacts.of(Map.of(fact.factName(), value)));
            assertThat(rule.answers().passes(value)).as("%s at %d", expression, value)
                    .isEqualTo(Boolean.TRUE.equals(evaluated));
        }
        assertThat(rule.answers().passes(null)).as("a fact not given never passes").isFalse();
        for (long value = -40; value <= 70; value++) {
            assertThat(rule.answers().nextPassing(value)).as("next after %d", value)
                    .isEqualTo(walk(rule.answers(), value, 1));
            assertThat(rule.answers().lastPassing(value)).as("last before %d", value)
                    .isEqualTo(walk(rule.answers(), value, -1));
        }
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
            "applicant.degree == 'MASTER'",
            "applicant.age > 9223372036854775807"})
    void onlyARuleOfOneIntTimeFactComparedWithConstantsHasThem(String expression) throws Exception {
        assertThat(CEL.compile("T-01", "rule", expression, SimpleType.BOOL).answers()).isNull();
    }
}
