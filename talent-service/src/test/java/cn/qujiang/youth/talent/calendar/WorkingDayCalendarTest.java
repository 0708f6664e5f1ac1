package cn.qujiang.youth.talent.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {
    private static WorkingDayCalendar calendar;

    @BeforeAll
    static void loadShippedCalendar() throws Exception {
        try (InputStream in = WorkingDayCalendarTest.class.getResourceAsStream("/calendar/cn-mainland-holidays.txt")) {
            calendar = WorkingDayCalendar.parse(in);
        }
    }

    @Test
    void weekdaysWorkWeekendsRest() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isTrue();  // Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse(); // Saturday
    }

    @Test
    void publicHolidaysRestAndMakeUpWeekendsWork() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse(); // 元旦, Thursday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();  // 调休, Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // 春节, Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue(); // 调休, Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
    }

    @Test
    void deadlinesCountWorkingDaysAfterTheDayOfReceipt() {
        // Monday + 3 working days = Thursday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 2), 3)).isEqualTo(LocalDate.of(2026, 3, 5));
        // Friday + 1 = next Monday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        // received on 0 days: due the same day
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 6), 0)).isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void theCountdownCountsWorkingDaysLeftAndLate() {
        LocalDate friday = LocalDate.of(2026, 3, 6);
        assertThat(calendar.workingDaysBetween(friday, friday)).as("due today").isZero();
        assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2026, 3, 9))).as("over the weekend").isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 3, 9), friday)).as("one working day late")
                .isEqualTo(-1);
        // Wednesday 30 Sep to Saturday 10 Oct: the National Day week rests, 8, 9 and the make-up 10 Oct are worked
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10))).isEqualTo(3);
    }

    @Test
    void deadlinesJumpTheSpringFestivalAndUseTheMakeUpSaturday() {
        // Friday 13 Feb + 1: Saturday 14 Feb is a make-up working day
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        // Saturday 14 Feb + 1: the holiday runs 15-23 Feb, so Tuesday 24 Feb
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        // 兜底办 15-working-day tier across the holiday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 10), 15)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void newYearsDayAndItsMakeUpSunday() {
        // Wednesday 31 Dec 2025 + 1: 1-3 Jan are off, Sunday 4 Jan is worked
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void aYearWithoutDataCountsWeekendsOnly() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isTrue(); // a Tuesday; no data for 2030
        assertThat(calendar.addWorkingDays(LocalDate.of(2030, 1, 4), 1)).isEqualTo(LocalDate.of(2030, 1, 7));
    }

    @Test
    void shipsBothYears() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 4))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 9))).isTrue();
    }

    @Test
    void readsSingleDaysRangesAndComments() {
        WorkingDayCalendar custom = WorkingDayCalendar.parse(new StringReader("""
                # a comment
                2031-05-01..2031-05-02 HOLIDAY 劳动节

                2031-05-10 WORKDAY 调休
                """));
        assertThat(custom.isWorkingDay(LocalDate.of(2031, 5, 1))).isFalse();
        assertThat(custom.isWorkingDay(LocalDate.of(2031, 5, 2))).isFalse();
        assertThat(custom.isWorkingDay(LocalDate.of(2031, 5, 10))).isTrue();
    }

    @Test
    void refusesABrokenFileWithItsLineNumber() {
        assertThatThrownBy(() -> WorkingDayCalendar.parse(new StringReader("2031-05-01 HOLIDAY\n2031-13-01 HOLIDAY\n")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> WorkingDayCalendar.parse(new StringReader("2031-05-01 VACATION\n")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> WorkingDayCalendar.parse(new StringReader("2031-05-01 HOLIDAY\n2031-05-01 WORKDAY\n")))
                .hasMessageContaining("twice");
    }
}
