package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * When a rule's answer changes with time alone, the rest of the profile unchanged: the day a failing criterion will
 * pass ("可于 2027-03-01 起申请"), or the day one that never will again stopped passing ("已于 2026-05-01 超龄").
 *
 * <p>A rule is a pure function of the facts, and the facts that change with time are step functions of the day
 * ({@link TimeSource}), so its answer is constant between the days those facts cross a value the rule compares them
 * with. Only those days are evaluated ({@link CandidateDays}), a rule on one time fact by looking its answer up
 * ({@link RuleAnswers}), and a rule on one growing count not day by day at all ({@link CountOutlook}).
 */
final class ChangeDates {

    /** How far ahead and back to look: further out a profile will have been edited anyway. */
    static final int HORIZON_YEARS = 10;

    /** What time alone does to a failing rule; {@link #NONE} when nothing is known (facts given by name). */
    record Outlook(LocalDate passesFrom, LocalDate failsFrom, boolean hopeless) {
        static final Outlook NONE = new Outlook(null, null, false);
        static final Outlook HOPELESS = new Outlook(null, null, true);
    }

    private ChangeDates() {
    }

    /**
     * For a failing rule that reads facts derived from the profile's dates: the day it passes, or, when nothing but
     * time could change its answer and time never will ({@code hopeless}: too old, graduated too long ago), the day
     * it stopped passing. The days behind the facts' day are only looked at for a hopeless rule.
     *
     * @param withoutTime the same facts without those that change with time ({@link DerivedFacts#withoutTime()}),
     *                    asked for only when the rule reads other facts too
     */
    static Outlook of(CompiledRule rule, DerivedFacts facts, Supplier<DerivedFacts> withoutTime) {
        Outlook ofCount = CountOutlook.of(rule, facts);
        if (ofCount != null) {
            return ofCount;
        }
        LocalDate asOf = facts.asOf();
        CandidateDays ahead = candidateDays(rule, facts, asOf, asOf.plusYears(HORIZON_YEARS));
        // Failing whatever the time facts are (no start-up in Qujiang, however old it is) shows with them unknown:
        // no day can change the answer, and one evaluation spares one per candidate day. Without a day ahead there
        // is nothing to spare.
        boolean failsWhateverTheDay = ahead.size() > 0 && !rule.readsOnlyTime()
                && Boolean.FALSE.equals(rule.evaluator().evaluate(withoutTime.get()));
        LocalDate passesFrom = failsWhateverTheDay ? null : firstPassing(rule, facts, ahead);
        if (passesFrom != null || !rule.readsOnlyTime()) {
            return new Outlook(passesFrom, null, false);
        }
        CandidateDays past = candidateDays(rule, facts, asOf.minusYears(HORIZON_YEARS), asOf);
        return new Outlook(null, failingSince(rule, facts, past), true);
    }

    /**
     * Only whether waiting ever mends a failing rule that reads nothing but time ({@code hopeless} as {@link #of}
     * says it), without the days: no look behind and no dates, which is all matching needs.
     */
    static Outlook ofTimeOnly(CompiledRule rule, DerivedFacts facts) {
        Outlook ofCount = CountOutlook.of(rule, facts);
        if (ofCount != null) {
            return ofCount.hopeless() ? Outlook.HOPELESS : Outlook.NONE;
        }
        LocalDate asOf = facts.asOf();
        CandidateDays ahead = candidateDays(rule, facts, asOf, asOf.plusYears(HORIZON_YEARS));
        return firstPassing(rule, facts, ahead) == null ? Outlook.HOPELESS : Outlook.NONE;
    }

    /** The first of the days (all after the facts' day) on which the rule passes; null if there is none. */
    private static LocalDate firstPassing(CompiledRule rule, DerivedFacts facts, CandidateDays days) {
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            if (rule.passesOn(facts, day)) {
                return day;
            }
        }
        return null;
    }

    /**
     * Of the days up to the facts' day, the last one before which the rule passed: the first of the run of days on
     * which it fails; null if it failed all along.
     */
    private static LocalDate failingSince(CompiledRule rule, DerivedFacts facts, CandidateDays days) {
        for (int i = days.size() - 1; i >= 0; i--) {
            LocalDate day = days.get(i);
            if (rule.passesOn(facts, day.minusDays(1))) {
                return day;
            }
        }
        return null;
    }

    /** The days in (after, last] on which a fact the rule reads crosses a value the rule compares it with. */
    private static CandidateDays candidateDays(CompiledRule rule, DerivedFacts facts, LocalDate after,
            LocalDate last) {
        ApplicantFacts profile = facts.source().orElseThrow();
        CandidateDays days = new CandidateDays(after, last);
        List<EligibilityFact> reads = rule.reads();
        for (int i = 0; i < reads.size(); i++) {
            TimeSource source = ApplicantFactsDeriver.TIME.get(reads.get(i));
            if (source != null) {
                source.changeDays(profile, rule.thresholds().get(reads.get(i)), days);
            }
        }
        return days;
    }
}
