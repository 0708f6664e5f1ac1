package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.AGE;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.MONTHS_SINCE_GRADUATION;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.MONTHS_TO_GRADUATION;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.SOCIAL_INSURANCE_MONTHS_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.STARTUP_AGE_MONTHS;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The days a rule is evaluated on: collected per fact, merged in order without repeats, and exactly the days a
 * comparison can change its answer, at month ends, on leap days and either side of the evaluation day.
 */
class CandidateDaysTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void daysComeBackInOrderOnceEachAndOnlyWithinTheRange() {
        CandidateDays days = new CandidateDays(TODAY, TODAY.plusYears(1));
        List<LocalDate> added = List.of(TODAY.plusDays(40), TODAY, TODAY.plusDays(3), TODAY.plusYears(1),
                TODAY.plusDays(40), TODAY.plusYears(1).plusDays(1), TODAY.plusDays(3), TODAY.minusDays(2));
        added.forEach(days::add);

        assertThat(all(days)).containsExactly(TODAY.plusDays(3), TODAY.plusDays(40), TODAY.plusYears(1));
    }

    @Test
    void manyDaysGrowTheArrayAndStillMerge() {
        CandidateDays days = new CandidateDays(TODAY.minusYears(10), TODAY);
        for (int month = 0; month < 60; month++) {
            days.add(TODAY.minusMonths(month % 30));
        }

        assertThat(all(days)).hasSize(30).isSorted().endsWith(TODAY);
    }

    @Test
    void aMonthFromTheThirtyFirstOfJanuaryIsCompleteOnTheFirstOfMarchAYearFromALeapDayToo() {
        CandidateDays fromJanuary = changeDays(profile("socialInsuranceInQujiangSince", LocalDate.of(2026, 1, 31)),
                SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, new long[] {1}, LocalDate.of(2026, 1, 31), TODAY);
        CandidateDays fromLeapDay = changeDays(profile("socialInsuranceInQujiangSince", LocalDate.of(2024, 2, 29)),
                SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, new long[] {12}, LocalDate.of(2024, 2, 29), TODAY);

        assertThat(all(fromJanuary)).as("reaching 1, then 2").containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31));
        assertThat(all(fromLeapDay)).as("reaching 12, then 13").containsExactly(LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 29));
    }

    @Test
    void aLeapDayBirthdayTurnsOnTheFirstOfMarchInACommonYear() {
        CandidateDays days = changeDays(profile("birthDate", LocalDate.of(2012, 2, 29)), AGE, new long[] {18},
                TODAY, TODAY.plusYears(10));

        assertThat(all(days)).containsExactly(LocalDate.of(2030, 3, 1), LocalDate.of(2031, 3, 1));
    }

    /**
     * Every day on which {@code fact <op> t} changes its answer, for every comparison and threshold, is a candidate,
     * and for a count from one date no day on which it does not change is. (Months since graduation also take the
     * days another degree's count crosses a threshold, and the graduation days, on which it may start counting.)
     */
    @ParameterizedTest(name = "{0} from {1}, less {2}: thresholds {3}, {4} to {5}")
    @CsvSource({
            "SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 2026-01-31, 0, 1 3 6 12, 2016-11-29, 2036-11-29",
            "SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 2024-02-29, 4, 0 1 6, 2023-12-31, 2028-03-31",
            "SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 2027-03-31, 2, 3, 2026-11-29, 2036-11-29",
            "STARTUP_AGE_MONTHS, 2025-08-31, 0, 6 24 36, 2025-01-01, 2029-12-31",
            "AGE, 2000-02-29, 0, 16 18 35 40, 2016-11-29, 2036-11-29",
            "AGE, 1990-12-31, 0, 35, 2016-11-29, 2026-11-29",
            "MONTHS_SINCE_GRADUATION, 2024-06-30, 0, 0 24 36, 2021-11-29, 2031-11-29",
            "MONTHS_SINCE_GRADUATION, 2027-01-31, 0, -12 0 24, 2021-11-29, 2031-11-29",
            "MONTHS_TO_GRADUATION, 2028-02-29, 0, 0 6 12, 2021-11-29, 2031-11-29"})
    void candidatesAreTheDaysAComparisonChanges(EligibilityFact fact, LocalDate date, int less, String thresholds,
            LocalDate after, LocalDate last) {
        ApplicantFacts facts = profileFor(fact, date, less);
        long[] values = IntStream.range(0, thresholds.split(" ").length)
                .mapToLong(i -> Long.parseLong(thresholds.split(" ")[i])).toArray();

        List<LocalDate> candidates = all(changeDays(facts, fact, values, after, last));

        List<LocalDate> comparisonsChange = new ArrayList<>();
        List<LocalDate> valueChanges = new ArrayList<>();
        for (LocalDate day = after.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            Long before = (Long) ApplicantFactsDeriver.timeFact(fact, facts, day.minusDays(1));
            Long now = (Long) ApplicantFactsDeriver.timeFact(fact, facts, day);
            if (!Objects.equals(before, now)) {
                valueChanges.add(day);
            }
            for (long threshold : values) {
                if (compare(before, threshold) != compare(now, threshold)) {
                    comparisonsChange.add(day);
                    break;
                }
            }
        }
        assertThat(comparisonsChange).as("there is something to find").isNotEmpty();
        assertThat(candidates).containsAll(comparisonsChange);
        if (ApplicantFactsDeriver.TIME.get(fact) instanceof TimeSource.Counter) {
            assertThat(valueChanges).as("no day is evaluated for nothing").containsAll(candidates);
        }
    }

    @Test
    void withoutThresholdsEveryDayTheCountChangesIsACandidate() {
        ApplicantFacts facts = profile("socialInsuranceInQujiangSince", LocalDate.of(2026, 1, 31),
                "socialInsuranceGapMonths", 2);

        List<LocalDate> candidates = all(changeDays(facts, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));

        assertThat(candidates).as("0 until three months are complete, then one more a month").containsExactly(
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 31), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
    }

    /** The definition, by walking the calendar: months and years either side of the start, every day of 2023-2029. */
    @Test
    void theFirstDayACountIsReachedIsTheFirstDayTheCalendarCountsIt() {
        for (LocalDate from = LocalDate.of(2023, 1, 1); from.getYear() < 2030; from = from.plusDays(1)) {
            for (long months = -40; months <= 40; months++) {
                assertThat(TimeSource.firstDayReaching(from, ChronoUnit.MONTHS, months)).as("%s + %d months", from,
                        months).isEqualTo(walkingTo(from, ChronoUnit.MONTHS, months));
            }
            for (long years = -3; years <= 40; years += from.getDayOfMonth() > 27 ? 1 : 7) {
                assertThat(TimeSource.firstDayReaching(from, ChronoUnit.YEARS, years)).as("%s + %d years", from,
                        years).isEqualTo(walkingTo(from, ChronoUnit.YEARS, years));
            }
        }
    }

    private static LocalDate walkingTo(LocalDate from, ChronoUnit unit, long units) {
        LocalDate day = from.plus(units, unit).minusMonths(13);
        assertThat(unit.between(from, day)).as("walking starts below").isLessThan(units);
        while (unit.between(from, day) < units) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** -1, 0 or 1 for below, at or above the threshold; null for no value: any comparison's answer follows it. */
    private static Integer compare(Long value, long threshold) {
        return value == null ? null : Long.compare(value, threshold);
    }

    private static ApplicantFacts profileFor(EligibilityFact fact, LocalDate date, int less) {
        return switch (fact) {
            case SOCIAL_INSURANCE_MONTHS_IN_QUJIANG -> profile("socialInsuranceInQujiangSince", date,
                    "socialInsuranceGapMonths", less);
            case STARTUP_AGE_MONTHS -> profile("startupSince", date);
            case AGE -> profile("birthDate", date);
            case MONTHS_SINCE_GRADUATION, MONTHS_TO_GRADUATION -> profile("degree", Degree.MASTER,
                    "graduationDate", date, "otherDegrees",
                    List.of(new Graduation(Degree.BACHELOR, date.minusYears(3))));
            default -> throw new IllegalArgumentException(fact.toString());
        };
    }

    private static CandidateDays changeDays(ApplicantFacts facts, EligibilityFact fact, long[] thresholds,
            LocalDate after, LocalDate last) {
        CandidateDays days = new CandidateDays(after, last);
        ApplicantFactsDeriver.TIME.get(fact).changeDays(facts, thresholds, days);
        return days;
    }

    private static List<LocalDate> all(CandidateDays days) {
        return IntStream.range(0, days.size()).mapToObj(days::get).toList();
    }
}
