package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.policy.engine.vocabulary.Words;
import cn.qujiang.youth.talent.statistics.UptakeQueries.DecisionGroup;
import cn.qujiang.youth.talent.statistics.UptakeReport.GrantedAmount;
import cn.qujiang.youth.talent.statistics.UptakeReport.MeasureRow;
import cn.qujiang.youth.talent.statistics.UptakeReport.UptakeSummary;
import cn.qujiang.youth.talent.statistics.UptakeReport.WeekRow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns the database's groups into the table: rows per measure, added up per category and overall, the weekly
 * series with every week of the period (empty ones too, so a chart shows the gaps), medians in working days of the
 * district's calendar, amounts and units in words. Pure: no database, no clock.
 */
final class UptakeTally {
    /** The catalogue's categories in the order the residents' app shows them; anything else comes last. */
    static final List<String> CATEGORIES = List.of("EMPLOYMENT", "ENTREPRENEURSHIP", "HOUSING", "LIVING", "GROWTH",
            "LEISURE");
    static final String OTHER = "OTHER";
    static final String ALL = "ALL";
    /** A discount is a rate off a price: adding up "50 % off" twice is not "100 % off". */
    private static final Set<String> NOT_ADDITIVE = Set.of("DISCOUNT");

    /** Working days from the first day to the second, as the district's calendar counts them. */
    interface WorkingDays {
        int between(LocalDate from, LocalDate to);
    }

    /** What the database counted for a period (see {@link UptakeQueries}). */
    record Groups(Map<String, Long> eligible, Map<String, Long> applied, Map<String, Long> overdue,
            List<DecisionGroup> decisions) {
    }

    private final WorkingDays workingDays;
    private final Words words;
    private final Locale locale;
    private final Function<String, String> labels;

    /**
     * {@code words}: units and amounts in the reader's language ({@code locale}, also of the titles);
     * {@code labels}: a category (or {@link #OTHER}, {@link #ALL}) in the reader's words.
     */
    UptakeTally(WorkingDays workingDays, Words words, Locale locale, Function<String, String> labels) {
        this.workingDays = workingDays;
        this.words = words;
        this.locale = locale;
        this.labels = labels;
    }

    UptakeReport report(UptakePeriod period, LocalDate today, Instant now, Map<String, MeasurePublished> catalogue,
            Groups groups) {
        Map<String, Counts> byMeasure = new TreeMap<>();
        Map<String, String> units = new HashMap<>();
        Map<String, String> benefitKinds = new HashMap<>();
        catalogue.keySet().forEach(code -> byMeasure.put(code, new Counts()));
        groups.eligible().forEach((code, n) -> counts(byMeasure, code).eligible = n);
        groups.applied().forEach((code, n) -> counts(byMeasure, code).applied = n);
        groups.overdue().forEach((code, n) -> counts(byMeasure, code).overdue = n);
        Map<LocalDate, long[]> weeks = emptyWeeks(period);
        for (DecisionGroup group : groups.decisions()) {
            Counts counts = counts(byMeasure, group.measureCode());
            long[] week = weeks.get(monday(group.decidedOn()));
            switch (group.to()) {
                case "APPROVED" -> {
                    counts.approved += group.count();
                    week[0] += group.count();
                    if (group.unit() != null) {
                        units.putIfAbsent(group.measureCode(), group.unit());
                        benefitKinds.putIfAbsent(group.measureCode(), String.valueOf(group.benefitKind()));
                        counts.amounts.merge(group.unit(), group.amount(), Long::sum);
                    }
                }
                case "REJECTED" -> {
                    counts.rejected += group.count();
                    week[1] += group.count();
                }
                default -> {
                    counts.infoRequested += group.count();
                    week[2] += group.count();
                }
            }
            if (answersApplication(group)) {
                counts.workingDays.merge(workingDays.between(group.submittedOn(), group.decidedOn()), group.count(),
                        Long::sum);
            }
        }

        List<MeasureRow> rows = new ArrayList<>();
        Map<String, Counts> byCategory = new LinkedHashMap<>();
        Stream.concat(CATEGORIES.stream(), Stream.of(OTHER)).forEach(category -> byCategory.put(category, new Counts()));
        Counts total = new Counts();
        Comparator<String> order = Comparator.comparing((String code) -> rank(category(catalogue.get(code))))
                .thenComparing(Comparator.naturalOrder());
        for (String code : byMeasure.keySet().stream().sorted(order).toList()) {
            MeasurePublished measure = catalogue.get(code);
            Counts counts = byMeasure.get(code);
            String category = category(measure);
            if (benefitKinds.containsKey(code) && NOT_ADDITIVE.contains(benefitKinds.get(code))) {
                counts.amounts.clear();
            }
            byCategory.get(category).add(counts);
            total.add(counts);
            rows.add(row(code, measure, category, counts, units.get(code)));
        }
        List<UptakeSummary> categories = byCategory.entrySet().stream()
                .filter(category -> !OTHER.equals(category.getKey()) || rows.stream()
                        .anyMatch(row -> OTHER.equals(row.category())))
                .map(category -> summary(category.getKey(), category.getValue())).toList();
        return new UptakeReport(period.from(), period.to(), today, now, rows, categories, summary(ALL, total),
                weeks.entrySet().stream().map(week -> new WeekRow(isoWeek(week.getKey()), week.getKey(),
                        week.getValue()[0], week.getValue()[1], week.getValue()[2])).toList());
    }

    /**
     * An officer's approval or rejection of an application: the decisions whose time from submission an applicant
     * waits for. Requests for information are answered by the applicant, offers are not submitted by anyone.
     */
    private static boolean answersApplication(DecisionGroup group) {
        return group.byOfficer() && "APPLICATION".equals(group.kind()) && group.submittedOn() != null
                && !"INFO_REQUESTED".equals(group.to());
    }

    private MeasureRow row(String code, MeasurePublished measure, String category, Counts counts, String unit) {
        Long amount = unit == null ? null : counts.amounts.get(unit);
        return new MeasureRow(code, measure == null ? code : measure.title().in(locale), category,
                labels.apply(category), counts.eligible, counts.applied, counts.approved, counts.rejected,
                counts.infoRequested, counts.medianWorkingDays(), counts.overdue, amount,
                amount == null ? null : unit, amount == null ? null : words.unit(unit),
                amount == null ? null : words.amount(unit, amount));
    }

    private UptakeSummary summary(String key, Counts counts) {
        return new UptakeSummary(key, labels.apply(key), counts.eligible, counts.applied, counts.approved, counts.rejected,
                counts.infoRequested, counts.medianWorkingDays(), counts.overdue,
                counts.amounts.entrySet().stream().map(amount -> new GrantedAmount(amount.getKey(),
                        words.unit(amount.getKey()), amount.getValue(), words.amount(amount.getKey(), amount.getValue())))
                        .toList());
    }

    private static Counts counts(Map<String, Counts> byMeasure, String code) {
        return byMeasure.computeIfAbsent(code, missing -> new Counts());
    }

    private static String category(MeasurePublished measure) {
        return measure != null && CATEGORIES.contains(measure.category()) ? measure.category() : OTHER;
    }

    private static int rank(String category) {
        int index = CATEGORIES.indexOf(category);
        return index < 0 ? CATEGORIES.size() : index;
    }

    /** Every ISO week the period touches, by its Monday, with no decisions yet (approved, rejected, info requested). */
    private static Map<LocalDate, long[]> emptyWeeks(UptakePeriod period) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (LocalDate monday = monday(period.from()); !monday.isAfter(period.to()); monday = monday.plusWeeks(1)) {
            weeks.put(monday, new long[3]);
        }
        return weeks;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** "2026-W48": the week-based year, which differs from the calendar year around New Year. */
    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
