package cn.qujiang.youth.policy.engine.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A criterion or amount expression ready to evaluate, with the facts it reads as found by the type checker and, per
 * fact, the integer constants it is only ever compared with ({@code applicant.age <= 35} gives age [35]); a fact
 * used any other way has no entry. {@link ChangeDates} needs only look at the days such a fact crosses them.
 *
 * @param answers the rule's answers by the value of the one time fact it reads ({@link RuleAnswers}), for asking it
 *                on other days without evaluating it; null for any other rule
 */
record CompiledRule(String id, String expression, List<EligibilityFact> reads,
        Map<EligibilityFact, long[]> thresholds, RuleEvaluator evaluator, RuleAnswers answers) {

    CompiledRule {
        // Interned so that RuleResults finds a verbatim repeat of a rule by reference.
        expression = expression.intern();
        reads = List.copyOf(reads);
        thresholds = Map.copyOf(thresholds);
    }

    /** Works out the answers by value from the evaluator, so that a rule evaluated otherwise has its own. */
    CompiledRule(String id, String expression, List<EligibilityFact> reads, Map<EligibilityFact, long[]> thresholds,
            RuleEvaluator evaluator) {
        this(id, expression, reads, thresholds, evaluator, RuleAnswers.of(reads, thresholds, evaluator));
    }

    CompiledRule(String id, String expression, List<EligibilityFact> reads, RuleEvaluator evaluator) {
        this(id, expression, reads, Map.of(), evaluator, null);
    }

    /**
     * Whether the rule passes on {@code day} with the rest of the profile unchanged ({@link DerivedFacts#onDay});
     * only for facts derived from a profile.
     */
    boolean passesOn(DerivedFacts facts, LocalDate day) {
        if (answers != null) {
            return answers.passes(facts.valueOn(answers.fact(), day));
        }
        return Boolean.TRUE.equals(evaluator.evaluate(facts.onDay(day, reads)));
    }

    /** Whether the rule reads a fact that changes with time alone, so that its answer may change without an edit. */
    boolean readsTime() {
        for (int i = 0; i < reads.size(); i++) {
            if (ApplicantFactsDeriver.TIME.containsKey(reads.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether every fact the rule reads changes with time alone: nothing but time can change its answer. */
    boolean readsOnlyTime() {
        for (int i = 0; i < reads.size(); i++) {
            if (!ApplicantFactsDeriver.TIME.containsKey(reads.get(i))) {
                return false;
            }
        }
        return !reads.isEmpty();
    }

    // Indexed loops: these run for every rule of every applicant, and iterators are garbage.

    /**
     * The applicant's values of the facts this rule reads, raw (Long, Boolean, enum constant name); facts not given
     * are left out.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> valuesIn(DerivedFacts facts) {
        EligibilityFact onlyGiven = null;
        int given = 0;
        for (int i = 0; i < reads.size(); i++) {
            if (facts.value(reads.get(i)) != null) {
                onlyGiven = reads.get(i);
                given++;
            }
        }
        if (given <= 1) {
            return onlyGiven == null ? Map.of() : facts.singleValue(onlyGiven);
        }
        Map.Entry<String, Object>[] entries = new Map.Entry[given];
        int next = 0;
        for (int i = 0; i < reads.size(); i++) {
            Object value = facts.value(reads.get(i));
            if (value != null) {
                entries[next++] = Map.entry(reads.get(i).factName(), value);
            }
        }
        return Map.ofEntries(entries);
    }

    boolean readsAbsentFact(DerivedFacts facts) {
        for (int i = 0; i < reads.size(); i++) {
            if (facts.value(reads.get(i)) == null) {
                return true;
            }
        }
        return false;
    }

    /** The facts this rule reads that the applicant has not given. */
    List<String> missingIn(DerivedFacts facts) {
        List<String> missing = new ArrayList<>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            if (facts.value(reads.get(i)) == null) {
                missing.add(reads.get(i).factName());
            }
        }
        return missing;
    }
}
