package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
     * The first day on which {@code unit.between(from, day) >= units}. Not simply {@code from.plus(units, unit)}:
     * from 31 January one month is complete on 1 March in a common year, not on 28 February.
     */
    static LocalDate firstDayReaching(LocalDate from, ChronoUnit unit, long units) {
        // The plain sum is the day or a few days before it (a month end clamped); a day after it can only be for
        // negative counts, which truncate towards zero.
        LocalDate day = from.plus(units, unit);
        while (unit.between(from, day) < units) {
            day = day.plusDays(1);
        }
        while (unit.between(from, day.minusDays(1)) >= units) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The days on which the value may change, for candidate values of interest (see {@link Counter}). */
    List<LocalDate> changeDays(ApplicantFacts facts, LocalDate asOf, long[] thresholds, int horizonYears);

    /**
     * Whole calendar units since a date, less an offset (months without insurance), never below zero when
     * {@code floorAtZero}: age in full years, months since graduation. Full units follow {@link ChronoUnit#between}:
     * a month is complete on the same day of the next month (or the next day when that month is shorter), a year on
     * the birthday (1 March for a 29 February birthday in a common year). So "within three years of graduating" is
     * {@code monthsSinceGraduation < 36}: graduated 2023-10-30 is 36 months on 2026-11-29, not within.
     */
    record Counter(ChronoUnit unit, Function<ApplicantFacts, LocalDate> start, ToLongFunction<ApplicantFacts> offset,
            boolean floorAtZero) implements TimeSource {

        private static final long MAX_UNITS_AWAY = 12 * 200;

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
         * With the thresholds a rule compares this fact with, the days it reaches each threshold and its neighbours
         * (a comparison can only change its answer there); without them (the rule does arithmetic on the fact) every
         * day the value changes within the horizon either side of {@code asOf}.
         */
        @Override
        public List<LocalDate> changeDays(ApplicantFacts facts, LocalDate asOf, long[] thresholds, int horizonYears) {
            Long now = value(facts, asOf);
            if (now == null) {
                return List.of();
            }
            return crossings(start.apply(facts), unit, now, offset.applyAsLong(facts), floorAtZero, thresholds,
                    horizonYears);
        }
    }

    /**
     * The days a count of whole {@code unit}s from {@code from}, less {@code offsetUnits} and now {@code now}, reaches
     * each threshold and its neighbours; without thresholds every day it changes within the horizon.
     */
    private static List<LocalDate> crossings(LocalDate from, ChronoUnit unit, long now, long offsetUnits,
            boolean floorAtZero, long[] thresholds, int horizonYears) {
        long[] values;
        if (thresholds != null) {
            values = new long[thresholds.length * 3];
            for (int i = 0; i < thresholds.length; i++) {
                values[3 * i] = thresholds[i] - 1;
                values[3 * i + 1] = thresholds[i];
                values[3 * i + 2] = thresholds[i] + 1;
            }
        } else {
            int steps = unit == ChronoUnit.YEARS ? horizonYears : horizonYears * 12;
            values = new long[2 * steps + 1];
            for (int i = 0; i < values.length; i++) {
                values[i] = now - steps + i;
            }
        }
        List<LocalDate> days = new ArrayList<>(values.length);
        for (long value : values) {
            // Below zero a floored count never changes; beyond a few centuries a threshold is no date at all.
            if ((!floorAtZero || value > 0) && Math.abs(value - now) <= Counter.MAX_UNITS_AWAY) {
                days.add(firstDayReaching(from, unit, value + offsetUnits));
            }
        }
        return days;
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
        public List<LocalDate> changeDays(ApplicantFacts facts, LocalDate asOf, long[] thresholds, int horizonYears) {
            // Months until a date are the months since it, negated (ChronoUnit.between is antisymmetric).
            long[] sinceThresholds = thresholds;
            if (until && thresholds != null) {
                sinceThresholds = new long[thresholds.length];
                for (int i = 0; i < thresholds.length; i++) {
                    sinceThresholds[i] = -thresholds[i];
                }
            }
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate graduation : Degrees.graduationDays(facts)) {
                days.add(graduation);
                days.addAll(crossings(graduation, ChronoUnit.MONTHS, ChronoUnit.MONTHS.between(graduation, asOf), 0,
                        false, sinceThresholds, horizonYears));
            }
            return days;
        }
    }

    /** A value that changes on known days only: a child turning three, a contract starting or ending. */
    record Events(Function<ApplicantFacts, List<LocalDate>> days) implements TimeSource {

        @Override
        public List<LocalDate> changeDays(ApplicantFacts facts, LocalDate asOf, long[] thresholds, int horizonYears) {
            return days.apply(facts);
        }
    }
}
