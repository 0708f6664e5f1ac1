package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.policy.engine.eligibility.ChangeDates.Outlook;
import cn.qujiang.youth.policy.engine.eligibility.TimeSource.Counter;
import java.time.LocalDate;

/**
 * The outlook of a failing rule on one count that only grows ({@link Counter}: age, months of insurance, a
 * start-up's age) with its answers by value ({@link AnswersByValue}), worked out without a candidate day or an
 * evaluation. The count takes every whole value from today's on, one after the other, so the rule first passes on
 * the day the count reaches the lowest passing value above today's; and it last passed the day before the count
 * went past the highest passing value below today's. These are the days {@link ChangeDates} would find by evaluating
 * every day the count crosses a constant.
 */
final class CountOutlook {

    private CountOutlook() {
    }

    /** The outlook, or null when the rule is not of that kind (then the days are evaluated). */
    static Outlook of(CompiledRule rule, DerivedFacts facts) {
        if (!(rule.answers() instanceof AnswersByValue answers)
                || !(ApplicantFactsDeriver.TIME.get(answers.fact()) instanceof Counter count)
                || !(facts.value(answers.fact()) instanceof Long today)) {
            return null;
        }
        ApplicantFacts profile = facts.source().orElseThrow();
        LocalDate asOf = facts.asOf();
        Long next = answers.nextPassing(today);
        if (next != null) {
            LocalDate passesFrom = count.firstDayOf(profile, next);
            if (!passesFrom.isAfter(asOf.plusYears(ChangeDates.HORIZON_YEARS))) {
                return new Outlook(passesFrom, null, false);
            }
        }
        // Nothing but this count can change the answer (the rule reads nothing else), and it never will again.
        Long last = answers.lastPassing(today);
        if (last == null || count.floorAtZero() && last < 0) {
            return new Outlook(null, null, true);
        }
        LocalDate failsFrom = count.firstDayOf(profile, last + 1);
        return new Outlook(null, failsFrom.isAfter(asOf.minusYears(ChangeDates.HORIZON_YEARS)) ? failsFrom : null,
                true);
    }
}
