package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * When a rule's answer changes with time alone, the rest of the profile unchanged: the day a failing criterion will
 * pass ("可于 2027-03-01 起申请"), or the day one that never will again stopped passing ("已于 2026-05-01 超龄").
 *
 * <p>A rule is a pure function of the facts, and the facts that change with time are step functions of the day
 * ({@link TimeSource}), so its answer is constant between the days those facts cross a value the rule compares them
 * with. Only those days are evaluated: usually two to six per rule instead of every month of the horizon.
 */
final class ChangeDates {

    /** How far ahead and back to look: further out a profile will have been edited anyway. */
    static final int HORIZON_YEARS = 10;

    /** What time alone does to a failing rule; {@link #NONE} when nothing is known (facts given by name). */
    record Outlook(LocalDate passesFrom, LocalDate failsFrom, boolean hopeless) {
        static final Outlook NONE = new Outlook(null, null, false);
    }

    private ChangeDates() {
    }

    /**
     * For a failing rule that reads facts derived from the profile's dates: the day it passes, or, when nothing but
     * time could change its answer and time never will ({@code hopeless}: too old, graduated too long ago), the day
     * it stopped passing.
     */
    static Outlook of(CompiledRule rule, DerivedFacts facts) {
        TreeSet<LocalDate> days = candidateDays(rule, facts.source().orElseThrow(), facts.asOf());
        LocalDate passesFrom = firstPassing(rule, facts, days);
        boolean hopeless = passesFrom == null && rule.readsOnlyTime();
        return new Outlook(passesFrom, hopeless ? failingSince(rule, facts, days) : null, hopeless);
    }

    /** The first day after the facts' day on which the rule passes, within the horizon; null if there is none. */
    private static LocalDate firstPassing(CompiledRule rule, DerivedFacts facts, TreeSet<LocalDate> days) {
        LocalDate asOf = facts.asOf();
        LocalDate last = asOf.plusYears(HORIZON_YEARS);
        for (LocalDate day : days.subSet(asOf, false, last, true)) {
            if (passes(rule, facts, day)) {
                return day;
            }
        }
        return null;
    }

    /**
     * The first day of the run of days up to the facts' day on which the rule fails, if it passed before that within
     * the horizon; null if it failed all along.
     */
    private static LocalDate failingSince(CompiledRule rule, DerivedFacts facts, TreeSet<LocalDate> days) {
        LocalDate asOf = facts.asOf();
        LocalDate first = asOf.minusYears(HORIZON_YEARS);
        for (LocalDate day : days.subSet(first, false, asOf, true).descendingSet()) {
            if (passes(rule, facts, day.minusDays(1))) {
                return day;
            }
        }
        return null;
    }

    private static TreeSet<LocalDate> candidateDays(CompiledRule rule, ApplicantFacts facts, LocalDate asOf) {
        TreeSet<LocalDate> days = new TreeSet<>();
        List<EligibilityFact> reads = rule.reads();
        for (int i = 0; i < reads.size(); i++) {
            TimeSource source = ApplicantFactsDeriver.TIME.get(reads.get(i));
            if (source != null) {
                days.addAll(source.changeDays(facts, asOf, rule.thresholds().get(reads.get(i)), HORIZON_YEARS));
            }
        }
        return days;
    }

    private static boolean passes(CompiledRule rule, DerivedFacts facts, LocalDate day) {
        return Boolean.TRUE.equals(rule.evaluator().evaluate(facts.onDay(day, rule.reads())));
    }
}
