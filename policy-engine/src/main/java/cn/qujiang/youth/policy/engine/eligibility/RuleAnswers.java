package cn.qujiang.youth.policy.engine.eligibility;

import java.util.List;
import java.util.Map;

/**
 * A rule's answers by the value of the one time fact it reads, worked out when it is compiled, so that asking it on
 * another day costs deriving that fact instead of a copy of the facts and an evaluation.
 */
sealed interface RuleAnswers permits AnswersByValue, AnswersByName {

    /** The fact the rule reads. */
    EligibilityFact fact();

    /** Whether the rule passes with the fact at {@code value}; a fact not given (null) never makes it pass. */
    boolean passes(Object value);

    /**
     * The answers of a rule reading only {@code reads}, compared with {@code thresholds} ({@link CompiledRule}), for
     * a rule on a single time fact of few values (an enum, a bool) or an int compared with constants only; null for
     * any other rule, or one that does not give a yes or no for every value (an evaluation error has no place in a
     * table).
     */
    static RuleAnswers of(List<EligibilityFact> reads, Map<EligibilityFact, long[]> thresholds,
            RuleEvaluator evaluator) {
        if (reads.size() != 1 || !ApplicantFactsDeriver.TIME.containsKey(reads.get(0))) {
            return null;
        }
        EligibilityFact fact = reads.get(0);
        return fact.type() == EligibilityFact.Type.INT ? AnswersByValue.of(fact, thresholds.get(fact), evaluator)
                : AnswersByName.of(fact, evaluator);
    }

    /** The rule's answer with the fact at {@code value} and nothing else given: a Boolean, or null if undecided. */
    static Boolean evaluate(RuleEvaluator evaluator, EligibilityFact fact, Object value) {
        return evaluator.evaluate(DerivedFacts.of(Map.of(fact.factName(), value))) instanceof Boolean passed
                ? passed : null;
    }
}
