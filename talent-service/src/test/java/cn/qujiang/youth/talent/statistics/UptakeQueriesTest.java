package cn.qujiang.youth.talent.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.application.StoredApplications;
import cn.qujiang.youth.talent.application.StoredApplications.Spec;
import cn.qujiang.youth.talent.application.StoredApplications.Step;
import cn.qujiang.youth.talent.calendar.WorkingDayCalendar;
import cn.qujiang.youth.talent.catalogue.Replicas;
import cn.qujiang.youth.talent.matches.EligibleCounts;
import cn.qujiang.youth.talent.matches.StoredMatches;
import cn.qujiang.youth.talent.statistics.UptakeReport.MeasureRow;
import cn.qujiang.youth.talent.statistics.UptakeReport.UptakeSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregations on mongo-java-server over applications and match results stored by their own features' code,
 * the uptake counts started from them (equal to the recount), added up with the district's real holiday calendar: which day a late-evening submission counts for, what a
 * median in working days across the Qingming holiday is, what "applied" and "approved" in a period mean.
 */
class UptakeQueriesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 10);
    private static final UptakePeriod APRIL = new UptakePeriod(LocalDate.of(2026, 4, 1), TODAY);
    private InMemoryMongo mongo;
    private UptakeQueries queries;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        queries = new UptakeQueries(mongo.template());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void eligibleCountsTheLatestResultsOfEveryApplicant() {
        threeApplicantsMatched();
        assertThat(new EligibleCounts(mongo.template()).now()).containsOnly(Map.entry("QJY-A", 2L), Map.entry("QJY-B", 1L),
                Map.entry("QJY-C", 1L));
    }

    @Test
    void theTableCountsThePeriodInQujiangDaysAndMediansInWorkingDays() {
        threeApplicantsMatched();
        StoredApplications.insert(mongo.template(), List.of(
                // 00:30 on 1 April in Qujiang: April's; approved on Friday 3 April, 2 working days later
                application("a1", "QJY-A", "2026-03-31T16:30:00Z", 5000L, "CNY", "ONE_OFF_CASH",
                        Step.officer(at("2026-04-03T02:00:00Z"), "APPROVED")),
                // 23:30 on 31 March: March's; rejected on Tuesday 7 April, after Qingming (4-6 April): 4 working days
                application("a2", "QJY-A", "2026-03-31T15:30:00Z", 5000L, "CNY", "ONE_OFF_CASH",
                        Step.officer(at("2026-04-07T02:00:00Z"), "REJECTED")),
                // documents asked for and sent again: the median counts from the latest submission (1 working day)
                new Spec("a3", "QJY-C", false, at("2026-04-08T01:00:00Z"), at("2026-04-09T01:00:00Z"),
                        LocalDate.of(2026, 4, 16), 1000L, "CNY_PER_MONTH", "MONTHLY_CASH", List.of(
                                Step.officer(at("2026-04-08T03:00:00Z"), "INFO_REQUESTED"),
                                Step.applicant(at("2026-04-09T01:00:00Z"), "SUBMITTED"),
                                Step.officer(at("2026-04-10T01:00:00Z"), "APPROVED"))),
                // an offer accepted: approved, a discount (no sum), no submission to time
                new Spec("a1", "QJY-B", true, at("2026-04-02T01:00:00Z"), at("2026-04-02T01:00:00Z"),
                        LocalDate.of(2026, 4, 3), 50L, "PERCENT", "DISCOUNT", List.of(
                                Step.officer(at("2026-04-02T05:00:00Z"), "CONFIRMED"),
                                Step.applicant(at("2026-04-03T05:00:00Z"), "APPROVED"))),
                // waiting since 2 April, due 7 April: overdue today
                new Spec("a2", "QJY-C", false, at("2026-04-02T01:00:00Z"), at("2026-04-02T01:00:00Z"),
                        LocalDate.of(2026, 4, 7), 1000L, "CNY_PER_MONTH", "MONTHLY_CASH", List.of()),
                // all in March: not April's
                application("a1", "QJY-C", "2026-03-01T01:00:00Z", 1000L, "CNY_PER_MONTH", "MONTHLY_CASH",
                        Step.officer(at("2026-03-05T01:00:00Z"), "APPROVED"))));

        UptakeReport report = tally(Locale.CHINESE).report(APRIL, TODAY, Instant.now(), catalogue(), groups(APRIL));

        Map<String, MeasureRow> rows = report.measures().stream()
                .collect(Collectors.toMap(MeasureRow::measureCode, Function.identity()));
        assertThat(report.measures()).extracting(MeasureRow::measureCode).containsExactly("QJY-A", "QJY-B", "QJY-C");
        assertThat(rows.get("QJY-A")).isEqualTo(new MeasureRow("QJY-A", "就业补贴", "EMPLOYMENT", "就业", 2, 1, 1, 1, 0,
                3.0, 0, 5000L, "CNY", "元", "5,000 元"));
        assertThat(rows.get("QJY-B")).isEqualTo(new MeasureRow("QJY-B", "租房优惠", "HOUSING", "安居", 1, 1, 1, 0, 0,
                null, 0, null, null, null, null));
        assertThat(rows.get("QJY-C")).isEqualTo(new MeasureRow("QJY-C", "租房补贴", "HOUSING", "安居", 1, 2, 1, 0, 1,
                1.0, 1, 1000L, "CNY_PER_MONTH", "元/月", "每月 1,000 元"));

        UptakeSummary housing = report.categories().stream().filter(c -> c.key().equals("HOUSING")).findFirst().orElseThrow();
        assertThat(housing).isEqualTo(new UptakeSummary("HOUSING", "安居", 2, 3, 2, 0, 1, 1.0, 1,
                List.of(new UptakeReport.GrantedAmount("CNY_PER_MONTH", "元/月", 1000, "每月 1,000 元"))));
        assertThat(report.total()).isEqualTo(new UptakeSummary("ALL", "全部政策", 4, 4, 3, 1, 1, 2.0, 1, List.of(
                new UptakeReport.GrantedAmount("CNY", "元", 5000, "5,000 元"),
                new UptakeReport.GrantedAmount("CNY_PER_MONTH", "元/月", 1000, "每月 1,000 元"))));
        assertThat(report.categories()).extracting(UptakeSummary::key)
                .containsExactly("EMPLOYMENT", "ENTREPRENEURSHIP", "HOUSING", "LIVING", "GROWTH", "LEISURE");
        assertThat(report.weeks()).containsExactly(
                new UptakeReport.WeekRow("2026-W14", LocalDate.of(2026, 3, 30), 2, 0, 0),
                new UptakeReport.WeekRow("2026-W15", LocalDate.of(2026, 4, 6), 1, 1, 1));
    }

    @Test
    void aPeriodWithoutActivityCountsOnlyTheEligibleAndTheOverdueOfToday() {
        StoredMatches.apply(mongo.template(), List.of(evaluated("a1", result("QJY-A", Outcome.ELIGIBLE))));
        StoredApplications.insert(mongo.template(), List.of(new Spec("a1", "QJY-A", false,
                at("2026-04-02T01:00:00Z"), at("2026-04-02T01:00:00Z"), LocalDate.of(2026, 4, 7), 5000L, "CNY",
                "ONE_OFF_CASH", List.of())));
        UptakePeriod may = new UptakePeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));
        UptakeReport report = tally(Locale.ENGLISH).report(may, TODAY, Instant.now(), catalogue(), groups(may));
        MeasureRow row = report.measures().get(0);
        assertThat(row.title()).isEqualTo("Job subsidy");
        assertThat(row.categoryLabel()).isEqualTo("Jobs");
        assertThat(List.of(row.eligible(), row.applied(), row.approved(), row.overdue())).containsExactly(1L, 0L, 0L, 1L);
        assertThat(row.medianWorkingDays()).isNull();
        assertThat(report.weeks()).hasSize(5).allMatch(week -> week.approved() + week.rejected() == 0);
    }

    /** Eligible: QJY-A a1 and a2, QJY-B a1, QJY-C a3; not: a2 for QJY-B, a3 for QJY-A (details missing). */
    private void threeApplicantsMatched() {
        StoredMatches.apply(mongo.template(), List.of(
                evaluated("a1", result("QJY-A", Outcome.ELIGIBLE), result("QJY-B", Outcome.ELIGIBLE)),
                evaluated("a2", result("QJY-A", Outcome.ELIGIBLE), result("QJY-B", Outcome.INELIGIBLE)),
                evaluated("a3", result("QJY-A", Outcome.NEEDS_INFO), result("QJY-C", Outcome.ELIGIBLE))));
    }

    /**
     * The groups as the service reads them: the uptake counts, started from the applications stored here (as on a
     * database that had applications before the counts existed), which must say what the recount says.
     */
    private UptakeTally.Groups groups(UptakePeriod period) {
        UptakeCounts counts = new UptakeCounts(mongo.template());
        counts.startIfAbsent();
        UptakeCounts.Period counted = counts.read(period);
        assertThat(UptakeOracle.normalized(counted)).isEqualTo(UptakeOracle.recount(period, queries));
        return new UptakeTally.Groups(new EligibleCounts(mongo.template()).now(), counted.applied(),
                queries.overdue(TODAY), counted.decisions());
    }

    static UptakeTally tally(Locale locale) {
        WorkingDayCalendar calendar = calendar();
        Map<String, String> zh = Map.of("EMPLOYMENT", "就业", "HOUSING", "安居", "ALL", "全部政策");
        Map<String, String> en = Map.of("EMPLOYMENT", "Jobs", "HOUSING", "Housing", "ALL", "All measures");
        Map<String, String> labels = locale.equals(Locale.ENGLISH) ? en : zh;
        return new UptakeTally(calendar::workingDaysBetween, FactVocabulary.shipped().words(locale), locale,
                category -> labels.getOrDefault(category, category));
    }

    static WorkingDayCalendar calendar() {
        try (InputStream in = UptakeQueriesTest.class.getResourceAsStream("/calendar/cn-mainland-holidays.txt")) {
            return WorkingDayCalendar.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, MeasurePublished> catalogue() {
        return Map.of("QJY-A", measure("QJY-A", "就业补贴", "Job subsidy", "EMPLOYMENT"),
                "QJY-B", measure("QJY-B", "租房优惠", "Rent discount", "HOUSING"),
                "QJY-C", measure("QJY-C", "租房补贴", "Rent subsidy", "HOUSING"));
    }

    static MeasurePublished measure(String code, String zh, String en, String category) {
        MeasurePublished base = Replicas.measure(code, LocalizedText.of(zh, en), List.of());
        return new MeasurePublished(code, 1, base.status(), base.title(), category, base.mode(), base.opens(),
                base.closes(), base.quota(), base.excludes(), base.benefitKind(), base.benefitUnit(),
                base.responseWorkingDays(), base.publishedAt(), base.criteria(), base.grant());
    }

    private static Spec application(String applicant, String code, String submitted, Long amount, String unit,
            String benefitKind, Step... steps) {
        return new Spec(applicant, code, false, at(submitted), at(submitted), null, amount, unit, benefitKind,
                Arrays.asList(steps));
    }

    private static MatchesEvaluated evaluated(String applicant, MatchResult... results) {
        return new MatchesEvaluated(applicant, 1, TODAY, at("2026-04-10T00:00:00Z"),
                MatchesEvaluated.Trigger.PROFILE_CHANGED, List.of(results), List.of(), List.of());
    }

    private static MatchResult result(String code, Outcome outcome) {
        return new MatchResult(code, 1, outcome, null, null, null, false, List.of(), List.of(), List.of(), null);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
