package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The public, localized views of published measures: what a young resident reads, without the rule expressions. */
final class MeasureViews {
    private static final Pattern CONSTANT = Pattern.compile("\\d+");

    private MeasureViews() {
    }

    @Schema(description = "Published measures. While `sample` is true the catalogue is the shipped sample, "
            + "not the official text.")
    record MeasureList(boolean sample, String notice, int count, List<MeasureSummary> measures) {
    }

    record MeasureSummary(String code, int version, String title, String summary, String category, String department,
            String mode, LocalDate opens, LocalDate closes, boolean openToday, BenefitView benefit, GrantView grant) {
    }

    record MeasureDetail(boolean sample, String notice, String code, int version, String title, String summary,
            String category, String department, String mode, LocalDate opens, LocalDate closes, boolean openToday,
            Integer quota, List<String> excludes, int responseWorkingDays, BenefitView benefit, GrantView grant,
            List<CriterionView> criteria, List<String> documents) {
    }

    @Schema(description = "What an eligible applicant gets; `amount` only when it is the same for everyone, "
            + "otherwise see `note`.")
    record BenefitView(String kind, String unit, Long amount, Integer months, String note) {
    }

    @Schema(description = "What an approval grants: `term` ONE_OFF (held for good), MONTHS (`months` from the "
            + "decision), CALENDAR_YEAR (until 31 December; apply again next year) or BATCH (until the batch's `ends`). "
            + "The quota counts per year for CALENDAR_YEAR, per batch for BATCH, overall otherwise.")
    record GrantView(GrantTerm.Term term, Integer months, BatchView batch) {
    }

    record BatchView(String id, String name, LocalDate ends) {
    }

    record CriterionView(String id, String label, String hint) {
    }

    static MeasureSummary summary(MeasureDefinition measure, LocalDate today, Locale locale) {
        return new MeasureSummary(measure.code(), measure.version(), text(measure.title(), locale),
                text(measure.summary(), locale), measure.category(), text(measure.department(), locale),
                measure.mode(), opens(measure), closes(measure), openOn(measure, today), benefit(measure, locale),
                grant(measure, locale));
    }

    static MeasureDetail detail(MeasureDefinition measure, LocalDate today, Locale locale, boolean sample,
            String notice) {
        return new MeasureDetail(sample, notice, measure.code(), measure.version(), text(measure.title(), locale),
                text(measure.summary(), locale), measure.category(), text(measure.department(), locale),
                measure.mode(), opens(measure), closes(measure), openOn(measure, today), measure.quota(),
                measure.excludes(), measure.responseWorkingDays(), benefit(measure, locale), grant(measure, locale),
                measure.criteria().stream().map(c -> new CriterionView(c.id(), text(c.label(), locale),
                        text(c.hint(), locale))).toList(),
                measure.documents().stream().map(d -> text(d, locale)).toList());
    }

    private static BenefitView benefit(MeasureDefinition measure, Locale locale) {
        MeasureDefinition.Benefit benefit = measure.benefit();
        String amount = benefit.amount() == null ? "" : benefit.amount().strip();
        return new BenefitView(benefit.kind(), benefit.unit(),
                CONSTANT.matcher(amount).matches() ? Long.valueOf(amount) : null, benefit.months(),
                text(benefit.note(), locale));
    }

    private static GrantView grant(MeasureDefinition measure, Locale locale) {
        GrantTerm term = measure.grantTerm();
        GrantTerm.Batch batch = term.batch();
        return new GrantView(term.term(), term.months(),
                batch == null ? null : new BatchView(batch.id(), text(batch.name(), locale), batch.ends()));
    }

    private static boolean openOn(MeasureDefinition measure, LocalDate day) {
        return measure.window() == null || measure.window().contains(day);
    }

    private static LocalDate opens(MeasureDefinition measure) {
        return measure.window() == null ? null : measure.window().opens();
    }

    private static LocalDate closes(MeasureDefinition measure) {
        return measure.window() == null ? null : measure.window().closes();
    }

    static String text(LocalizedText text, Locale locale) {
        return text == null ? null : text.in(locale);
    }
}
