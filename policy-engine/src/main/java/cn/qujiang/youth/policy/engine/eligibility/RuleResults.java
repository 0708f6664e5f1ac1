package cn.qujiang.youth.policy.engine.eligibility;

import java.util.HashMap;
import java.util.Map;

/**
 * The rule results of one applicant during one evaluation, each distinct expression evaluated once: catalogues repeat
 * criteria verbatim ({@code applicant.age <= 35} appears in a dozen sample measures) and rules are pure functions of
 * the facts. Confined to the evaluating thread.
 */
final class RuleResults {

    /** Stands for "undecided" in the map, where null means "not evaluated yet". */
    private static final Object UNDECIDED = new Object();

    private final DerivedFacts facts;
    private final Outlooks outlooks;
    private final Map<String, Object> byExpression = new HashMap<>(128);
    private Map<String, ChangeDates.Outlook> byRule;
    private DerivedFacts withoutTime;

    RuleResults(DerivedFacts facts, Outlooks outlooks) {
        this.facts = facts;
        this.outlooks = outlooks;
    }

    DerivedFacts facts() {
        return facts;
    }

    /** As {@link RuleEvaluator#evaluate}: Boolean or Long, null when undecided. */
    Object of(CompiledRule rule) {
        Object result = byExpression.get(rule.expression());
        if (result == null) {
            Object evaluated = rule.evaluator().evaluate(facts);
            result = evaluated == null ? UNDECIDED : evaluated;
            byExpression.put(rule.expression(), result);
        }
        return result == UNDECIDED ? null : result;
    }

    /**
     * What time alone does to a failing rule that reads facts changing with time ({@link ChangeDates#of}), as far as
     * the {@link Outlooks} ask; nothing for facts given by name, whose dates are unknown.
     */
    ChangeDates.Outlook outlookOfFailing(CompiledRule rule) {
        if (outlooks == Outlooks.NONE || facts.source().isEmpty()) {
            return ChangeDates.Outlook.NONE;
        }
        if (outlooks == Outlooks.NEAR_MISS && !rule.readsOnlyTime()) {
            // Another fact the resident can change decides too, so waiting is never the only hope: a near miss.
            return ChangeDates.Outlook.NONE;
        }
        if (byRule == null) {
            byRule = new HashMap<>();
        }
        return byRule.computeIfAbsent(rule.expression(), expression -> outlooks == Outlooks.DATES
                ? ChangeDates.of(rule, facts, this::withoutTime)
                : ChangeDates.ofTimeOnly(rule, facts));
    }

    /** The facts without those that change with time, made once per applicant and only if a rule needs them. */
    private DerivedFacts withoutTime() {
        if (withoutTime == null) {
            withoutTime = facts.withoutTime();
        }
        return withoutTime;
    }
}
