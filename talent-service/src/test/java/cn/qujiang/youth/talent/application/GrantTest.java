package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.GrantTerm.Term;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The term arithmetic: how long a decision on a given day grants a benefit, and which quota period it counts in. */
class GrantTest {

    @ParameterizedTest(name = "{1} months from {0}: held through {2}")
    @CsvSource({
            "2026-03-15, 1, 2026-04-14",
            "2026-01-31, 1, 2026-02-28",   // no 31 February: the month is complete on 1 March
            "2026-01-30, 1, 2026-02-28",
            "2028-01-30, 1, 2028-02-29",   // leap year: 30 February does not exist either
            "2028-01-29, 1, 2028-02-28",
            "2028-02-29, 12, 2029-02-28",  // a leap day's year is complete on 1 March
            "2026-03-31, 36, 2029-03-30",
            "2026-08-31, 6, 2027-02-28",
            "2026-12-31, 2, 2027-02-28",
            "2026-12-01, 1, 2026-12-31"})
    void monthsAreCompleteAsTheEligibilityEngineCountsThem(LocalDate decided, int months, LocalDate lastDay) {
        Grant grant = Grant.decidedOn(new GrantTerm(Term.MONTHS, months, null), decided);

        assertThat(grant.from()).isEqualTo(decided);
        assertThat(grant.until()).isEqualTo(lastDay);
        assertThat(grant.expiredBy(lastDay)).isFalse();
        assertThat(grant.expiredBy(lastDay.plusDays(1))).isTrue();
        assertThat(grant.period()).isEqualTo(Grant.OVERALL);
    }

    @ParameterizedTest(name = "decided {0}: held through 31 December {1}")
    @CsvSource({"2026-01-01, 2026", "2026-12-31, 2026", "2028-02-29, 2028"})
    void aCalendarYearIsHeldUntilThirtyFirstDecemberAndCountsInItsYear(LocalDate decided, int year) {
        Grant grant = Grant.decidedOn(new GrantTerm(Term.CALENDAR_YEAR, null, null), decided);

        assertThat(grant.until()).isEqualTo(LocalDate.of(year, 12, 31));
        assertThat(grant.period()).isEqualTo("year:" + year);
        assertThat(grant.expiredBy(LocalDate.of(year, 12, 31))).isFalse();
        assertThat(grant.expiredBy(LocalDate.of(year + 1, 1, 1))).isTrue();
    }

    @Test
    void aBatchIsHeldUntilItsLastDayAndCountsInTheBatch() {
        GrantTerm spring = new GrantTerm(Term.BATCH, null,
                new GrantTerm.Batch("2027-SPRING", null, LocalDate.of(2027, 6, 30)));

        Grant grant = Grant.decidedOn(spring, LocalDate.of(2027, 2, 10));

        assertThat(grant.until()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(grant.period()).isEqualTo("batch:2027-SPRING");
        assertThat(grant.counter("QJY-39")).isEqualTo("QJY-39@batch:2027-SPRING");
    }

    @Test
    void aOneOffGrantAndAMeasureWithoutATermAreHeldForGood() {
        Grant grant = Grant.decidedOn(GrantTerm.ONE_OFF, LocalDate.of(2026, 5, 1));

        assertThat(grant.until()).isNull();
        assertThat(grant.expiredBy(LocalDate.of(2099, 1, 1))).isFalse();
        assertThat(grant.counter("QJY-01")).isEqualTo("QJY-01");
    }

    @Test
    void theEndReasonPatternListsExactlyTheReasons() {
        assertThat(EndReason.CODES.split("\\|")).containsExactly(
                Arrays.stream(EndReason.values()).map(Enum::name).toArray(String[]::new));
    }
}
