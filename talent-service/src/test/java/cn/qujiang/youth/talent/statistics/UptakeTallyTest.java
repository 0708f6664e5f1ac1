package cn.qujiang.youth.talent.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.statistics.UptakeQueries.DecisionGroup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Medians, weeks and periods as an official reads them, without a database. */
class UptakeTallyTest {

    @Test
    void theMedianIsTheMiddleDecisionOrTheMeanOfTheTwoMiddleOnes() {
        Counts odd = new Counts();
        odd.workingDays.putAll(Map.of(1, 1L, 3, 2L));
        assertThat(odd.medianWorkingDays()).isEqualTo(3.0);
        Counts even = new Counts();
        even.workingDays.putAll(Map.of(1, 1L, 4, 1L));
        assertThat(even.medianWorkingDays()).isEqualTo(2.5);
        Counts lopsided = new Counts();
        lopsided.workingDays.putAll(Map.of(0, 5L, 9, 1L));
        assertThat(lopsided.medianWorkingDays()).isEqualTo(0.0);
        assertThat(new Counts().medianWorkingDays()).isNull();
    }

    @Test
    void weeksAreIsoWeeksAcrossNewYearAndEveryWeekOfThePeriodIsListed() {
        assertThat(UptakeTally.isoWeek(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(UptakeTally.isoWeek(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
        UptakePeriod turn = new UptakePeriod(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 5));
        DecisionGroup onNewYearsDay = new DecisionGroup("QJY-A", "APPLICATION", "APPROVED", true,
                LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 30), 2, 0, null, null);
        UptakeReport report = UptakeQueriesTest.tally(Locale.CHINESE).report(turn, LocalDate.of(2027, 1, 5),
                Instant.now(), Map.of(), new UptakeTally.Groups(Map.of(), Map.of(), Map.of(), List.of(onNewYearsDay)));
        assertThat(report.weeks()).extracting(UptakeReport.WeekRow::week)
                .containsExactly("2026-W52", "2026-W53", "2027-W01");
        assertThat(report.weeks().get(1).approved()).isEqualTo(2);
        // 31 December and 1 January: one working day after 30 December (New Year's Day is a holiday)
        assertThat(report.measures().get(0).medianWorkingDays()).isEqualTo(1.0);
        assertThat(report.measures().get(0).category()).as("a measure the replica does not know")
                .isEqualTo("OTHER");
        assertThat(report.categories()).extracting(UptakeReport.UptakeSummary::key).endsWith("OTHER");
    }

    @Test
    void aPeriodDefaultsToThisYearAndMayNotRunBackwardsOrLastLongerThanThreeYears() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        assertThat(UptakePeriod.of(null, null, today)).isEqualTo(new UptakePeriod(LocalDate.of(2026, 1, 1), today));
        assertThat(UptakePeriod.of(null, LocalDate.of(2025, 6, 30), today))
                .isEqualTo(new UptakePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)));
        assertThat(UptakePeriod.of(today, today, today).end()).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
        assertThatThrownBy(() -> UptakePeriod.of(today, today.minusDays(1), today))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("PERIOD_INVALID"));
        assertThatThrownBy(() -> UptakePeriod.of(today.minusYears(4), today, today)).isInstanceOf(ApiException.class);
    }
}
