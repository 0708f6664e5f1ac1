package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.GrantTerm.Term;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What an approval granted, fixed at the decision from the measure's term: held from {@code from} through
 * {@code until} (inclusive; absent = held for good), counted against the quota of {@code period}. {@code endedOn}
 * is the first day it is no longer held, once its term ran out or an officer ended it.
 */
record Grant(Term term, LocalDate from, LocalDate until, String period, LocalDate endedOn) {
    /** The period of a quota that counts overall (ONE_OFF, MONTHS). */
    static final String OVERALL = "overall";

    /** The grant of an approval decided on {@code day} under {@code term}. */
    static Grant decidedOn(GrantTerm term, LocalDate day) {
        return new Grant(term.term(), day, lastDay(term, day), period(term, day), null);
    }

    /**
     * The last day a grant decided on {@code from} is held. N months are complete as the eligibility engine counts
     * months: on the same day N months later, or on the 1st of the month after when that day does not exist (from
     * 31 January, one month is complete on 1 March), so the grant is held until the day before.
     */
    static LocalDate lastDay(GrantTerm term, LocalDate from) {
        return switch (term.term()) {
            case ONE_OFF -> null;
            case MONTHS -> term.months() == null ? null : monthsComplete(from, term.months()).minusDays(1);
            case CALENDAR_YEAR -> LocalDate.of(from.getYear(), 12, 31);
            case BATCH -> term.batch().ends();
        };
    }

    /** The quota period {@code day} falls in: the year, the batch, or overall. */
    static String period(GrantTerm term, LocalDate day) {
        return switch (term.term()) {
            case CALENDAR_YEAR -> "year:" + day.getYear();
            case BATCH -> "batch:" + term.batch().id();
            case ONE_OFF, MONTHS -> OVERALL;
        };
    }

    /** The quota counter of a measure in a period; the overall one keeps the measure code it always had. */
    static String counter(String measureCode, String period) {
        return period == null || OVERALL.equals(period) ? measureCode : measureCode + "@" + period;
    }

    String counter(String measureCode) {
        return counter(measureCode, period);
    }

    /** Whether the term ran out before {@code today}. */
    boolean expiredBy(LocalDate today) {
        return until != null && until.isBefore(today);
    }

    private static LocalDate monthsComplete(LocalDate from, int months) {
        LocalDate sameDay = from.plusMonths(months);
        // plusMonths clamps 31 January to 28 February: a month not yet complete, so it is complete the day after
        return ChronoUnit.MONTHS.between(from, sameDay) < months ? sameDay.plusDays(1) : sameDay;
    }
}
