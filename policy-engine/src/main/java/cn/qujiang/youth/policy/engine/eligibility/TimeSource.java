package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * How a fact that changes with time alone follows from a profile's dates. The deriver computes the value on the
 * evaluation day with it, and {@link ChangeDates} asks it on which days the value changes, so both read the calendar
 * the same way.
 */
sealed interface TimeSource {

    /**
     * The first day on which {@code unit.between(from, day) >= units}, for months and years. Not simply
     * {@code from.plus(units, unit)}: from 31 January one month is complete on 1 March in a common year, not on 28
     * February; and counts before {@code from} truncate towards zero, so -1 month from 15 March starts on 16 January.
     *
     * <p>Worked out rather than searched for, as it is asked for every candidate day: {@code between} counts months
     * as {@code (p(day) - p(from)) / 32} truncated, with {@code p} = proleptic month * 32 + day of month, and years
     * as those months / 12 truncated. So n >= 1 months are reached from the same day of the month n later, n <= 0
     * from the day after that day of the month n - 1 later; a day the month does not have means its next 1st.
     */
    static LocalDate firstDayReaching(LocalDate from, ChronoUnit unit, long units) {
        return switch (unit) {
            case MONTHS -> firstDayReachingMonths(from, units);
            case YEARS -> firstDayReachingMonths(from, units >= 1 ? 12 * units : 12 * units - 11);
            default -> throw new IllegalArgumentException("counts are in months or years, not " + unit);
        };
    }

    private static LocalDate firstDayReachingMonths(LocalDate from, long months) {
        // Plain arithmetic on the proleptic month: YearMonth.from and plusMonths validate through the generic
        // temporal API, which showed in the profile.
        long month = from.getYear() * 12L + from.getMonthValue() - 1 + (months >= 1 ? months : months - 1);
        int year = Math.toIntExact(Math.floorDiv(month, 12));
        int monthOfYear = (int) Math.floorMod(month, 12) + 1;
        int day = months >= 1 ? from.getDayOfMonth() : from.getDayOfMonth() + 1;
        if (day <= Month.of(monthOfYear).length(Year.isLeap(year))) {
            return LocalDate.of(year, monthOfYear, day);
        }
        return monthOfYear == 12 ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, monthOfYear + 1, 1);
    }

    /**
     * Adds to {@code days} the days within its range on which the value may change, for a rule that compares it with
     * {@code thresholds} only (see {@link Counter}), or that uses it otherwise ({@code thresholds} null).
     */
    void changeDays(ApplicantFacts facts, long[] thresholds, CandidateDays days);

    /**
     * Whole calendar units since a date, less an offset (months without insurance), never below zero when
     * {@code floorAtZero}: age in full years, months since graduation. Full units follow {@link ChronoUnit#between}:
     * a month is complete on the same day of the next month (or the next day when that month is shorter), a year on
     * the birthday (1 March for a 29 February birthday in a common year). So "within three years of graduating" is
     * {@code monthsSinceGraduation < 36}: graduated 2023-10-30 is 36 months on 2026-11-29, not within.
     */
    record Counter(ChronoUnit unit, Function<ApplicantFacts, LocalDate> start, ToLongFunction<ApplicantFacts> offset,
            boolean floorAtZero) implements TimeSource {

        /** The value on {@code day}, or null without a start date. */
        Long value(ApplicantFacts facts, LocalDate day) {
            LocalDate from = start.apply(facts);
            if (from == null) {
                return null;
            }
            long value = unit.between(from, day) - offset.applyAsLong(facts);
            return floorAtZero ? Math.max(0, value) : value;
        }

        /**
         * The first day on which the value is {@code value} or more; only for a profile with a start date, and for
         * values above 0 when {@code floorAtZero} (0 holds from the start of time).
         */
        LocalDate firstDayOf(ApplicantFacts facts, long value) {
            return firstDayReaching(start.apply(facts), unit, value + offset.applyAsLong(facts));
        }

        /**
         * With the thresholds a rule compares this fact with, the days it reaches each threshold or the value after
         * it (a comparison can only change its answer there); without them (the rule does arithmetic on the fact)
         * every day the value changes.
         */
        @Override
        public void changeDays(ApplicantFacts facts, long[] thresholds, CandidateDays days) {
            LocalDate from = start.apply(facts);
            if (from != null) {
                crossings(from, unit, offset.applyAsLong(facts), floorAtZero, thresholds, days);
            }
        }
    }

    /**
     * The days within the range of {@code days} on which a count of whole {@code unit}s from {@code from}, less
     * {@code offset}, reaches a threshold or the value after it; without thresholds every day it changes.
     *
     * <p>The count never decreases and grows by at most one a day ({@code between} truncates a difference that grows
     * with the day), so a comparison with an integer t changes its answer only when the count reaches t or t + 1, and
     * the count reaches n within the range exactly when it is below n on the day before the range and at least n on
     * its last day: only those days are computed.
     */
    private static void crossings(LocalDate from, ChronoUnit unit, long offset, boolean floorAtZero,
            long[] thresholds, CandidateDays days) {
        // Counts as the fact shows them (less the offset); below zero a floored count never changes.
        long before = unit.between(from, days.after()) - offset;
        long reached = unit.between(from, days.last()) - offset;
        long lowest = floorAtZero ? Math.max(before, 0) : before;
        if (thresholds == null) {
            for (long value = lowest + 1; value <= reached; value++) {
                days.add(firstDayReaching(from, unit, value + offset));
            }
            return;
        }
        for (long threshold : thresholds) {
            if (threshold > lowest && threshold <= reached) {
                days.add(firstDayReaching(from, unit, threshold + offset));
            }
            if (threshold >= lowest && threshold < reached) {
                days.add(firstDayReaching(from, unit, threshold + 1 + offset));
            }
        }
    }

    /**
     * Full months since the graduation of the degree held on the day, or ({@code until}) until the next expected
     * one ({@link Degrees}). Which graduation counts changes on the graduation dates, and the count from each date
     * crosses a threshold on its own days: the candidates are all of those.
     */
    record GraduationMonths(boolean until) implements TimeSource {

        Long value(ApplicantFacts facts, LocalDate day) {
            return until ? Degrees.monthsToGraduation(facts, day) : Degrees.monthsSinceGraduation(facts, day);
        }

        @Override
        public void changeDays(ApplicantFacts facts, long[] thresholds, CandidateDays days) {
            // Months until a date are the months since it, negated (ChronoUnit.between is antisymmetric).
            long[] sinceThresholds = thresholds;
            if (until && thresholds != null) {
                sinceThresholds = new long[thresholds.length];
                for (int i = 0; i < thresholds.length; i++) {
                    sinceThresholds[i] = -thresholds[i];
                }
            }
            for (LocalDate graduation : Degrees.graduationDays(facts)) {
                days.add(graduation);
                crossings(graduation, ChronoUnit.MONTHS, 0, false, sinceThresholds, days);
            }
        }
    }

    /** A value that changes on known days only: a child turning three, a contract starting or ending. */
    record Events(Function<ApplicantFacts, List<LocalDate>> days) implements TimeSource {

        @Override
        public void changeDays(ApplicantFacts facts, long[] thresholds, CandidateDays days) {
            List<LocalDate> changes = this.days.apply(facts);
            for (int i = 0; i < changes.size(); i++) {
                days.add(changes.get(i));
            }
        }
    }
}
