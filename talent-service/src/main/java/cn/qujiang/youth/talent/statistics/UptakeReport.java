package cn.qujiang.youth.talent.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The officials' uptake table: counts only, never a person. {@code measures}: one row per measure of the catalogue
 * (and any measure applications still name); {@code categories}: the measures of a category added up;
 * {@code total}: all measures. {@code eligible} is a snapshot of today ({@code eligibleAsOf}), the other counts
 * cover the period.
 */
record UptakeReport(LocalDate from, LocalDate to, LocalDate eligibleAsOf, Instant generatedAt,
        List<MeasureRow> measures, List<UptakeSummary> categories, UptakeSummary total, List<WeekRow> weeks) {

    /**
     * One measure. {@code eligible}: applicants the latest match results find eligible today; {@code applied}:
     * applications and 免申即享 offers made in the period; {@code approved}, {@code rejected},
     * {@code infoRequested}: decisions in the period; {@code medianWorkingDays}: median working days from the
     * (latest) submission to an officer's approval or rejection decided in the period, null without one;
     * {@code overdue}: waiting for an officer past the due date today; {@code amountGranted}: the amounts of the
     * approvals in the period added up, in {@code unit} ({@code unitLabel} in words), null where amounts do not add
     * up (a discount rate).
     */
    @Schema(example = """
            {"measureCode": "QJY-02", "title": "高校毕业生生活补贴", "category": "EMPLOYMENT", "categoryLabel": "就业",
             "eligible": 1520, "applied": 310, "approved": 240, "rejected": 31, "infoRequested": 12,
             "medianWorkingDays": 3.0, "overdue": 4, "amountGranted": 240000, "unit": "CNY_PER_MONTH",
             "unitLabel": "元/月", "amountText": "每月 240,000 元"}""")
    record MeasureRow(String measureCode, String title, String category, String categoryLabel, long eligible,
            long applied, long approved, long rejected, long infoRequested, Double medianWorkingDays, long overdue,
            Long amountGranted, String unit, String unitLabel, String amountText) {
    }

    /**
     * Measures added up (a category, or all of them: {@code key} {@code ALL}). A resident eligible for two measures
     * counts twice: these are eligibilities and applications, not people. The median is over all the decisions, not
     * a median of medians; amounts are added per unit only.
     */
    record UptakeSummary(String key, String label, long eligible, long applied, long approved, long rejected,
            long infoRequested, Double medianWorkingDays, long overdue, List<GrantedAmount> amounts) {
    }

    /** An amount granted in one unit: the number, the unit in words, and both together ("每月 3,000 元"). */
    record GrantedAmount(String unit, String unitLabel, long amount, String amountText) {
    }

    /** Decisions in one ISO week ({@code week} = 2026-W48, {@code starts} its Monday), every week of the period. */
    record WeekRow(String week, LocalDate starts, long approved, long rejected, long infoRequested) {
    }
}
