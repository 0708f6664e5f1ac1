package cn.qujiang.youth.policy.engine.eligibility;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The answers of a rule that reads one time fact of few values ({@code applicant.degree in ['MASTER', 'DOCTOR']},
 * {@code applicant.laborContractOpenEnded}): the values it passes with, found by evaluating it on each.
 *
 * @param passing the enum constant names, or {@code true} / {@code false}, the rule passes with
 */
record AnswersByName(EligibilityFact fact, Set<Object> passing) implements RuleAnswers {

    /** The answers of a rule reading only {@code fact}; null if the fact takes any value or an answer is undecided. */
    static AnswersByName of(EligibilityFact fact, RuleEvaluator evaluator) {
        List<?> values = fact.type() == EligibilityFact.Type.BOOL ? List.of(true, false) : fact.allowedValues();
        if (values.isEmpty()) {
            return null;
        }
        Set<Object> passing = new HashSet<>();
        for (Object value : values) {
            Boolean passed = RuleAnswers.evaluate(evaluator, fact, value);
            if (passed == null) {
                return null;
            }
            if (passed) {
                passing.add(value);
            }
        }
        return new AnswersByName(fact, Set.copyOf(passing));
    }

    @Override
    public boolean passes(Object value) {
        return value != null && passing.contains(value);
    }
}
