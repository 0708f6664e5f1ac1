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
    /** Whether failing rules are asked what time does; off only in the benchmark, to measure what that costs. */
    private final boolean asksTime;
    private final Map<String, Object> byExpression = new HashMap<>(128);
    private Map<String, ChangeDates.Outlook> outlooks;
    private DerivedFacts withoutTime;

    RuleResults(DerivedFacts facts) {
        this(facts, true);
    }

    RuleResults(DerivedFacts facts, boolean asksTime) {
        this.facts = facts;
        this.asksTime = asksTime;
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
     * What time alone does to a failing rule that reads facts changing with time ({@link ChangeDates#of}); nothing
     * for facts given by name, whose dates are unknown.
     */
    ChangeDates.Outlook outlookOfFailing(CompiledRule rule) {
        if (!asksTime || facts.source().isEmpty()) {
            return ChangeDates.Outlook.NONE;
        }
        if (outlooks == null) {
            outlooks = new HashMap<>();
        }
        return outlooks.computeIfAbsent(rule.expression(), expression -> ChangeDates.of(rule, facts,
                this::withoutTime));
    }

    /** The facts without those that change with time, made once per applicant and only if a rule needs them. */
    private DerivedFacts withoutTime() {
        if (withoutTime == null) {
            withoutTime = facts.withoutTime();
        }
        return withoutTime;
    }
}
