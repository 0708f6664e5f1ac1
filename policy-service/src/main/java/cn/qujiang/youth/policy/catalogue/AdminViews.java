package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Actor;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Draft;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.HistoryEntry;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.PublishedVersion;
import cn.qujiang.youth.policy.engine.catalogue.Exclusions;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.eligibility.ExampleCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** Requests and responses of the policy admin API. The measure itself travels in its definition form. */
final class AdminViews {

    private AdminViews() {
    }

    static final String MEASURE_EXAMPLE = """
            {"measure": {"code": "QJY-99", "title": {"zh": "青年夜校补贴", "en": "Youth evening school grant"},
             "summary": {"zh": "参加青年夜校课程给予补贴。", "en": "A grant for youth evening school courses."},
             "category": "GROWTH", "department": {"zh": "团区委", "en": "District Youth League Committee"},
             "mode": "APPLY", "window": {"opens": "2025-01-01", "closes": null}, "quota": 200, "excludes": [],
             "responseWorkingDays": 5,
             "benefit": {"kind": "ONE_OFF_CASH", "unit": "CNY", "amount": "500", "months": null,
                         "note": {"zh": "每人每年500元", "en": "500 CNY per person and year"}},
             "grant": {"term": "CALENDAR_YEAR", "batch": null},
             "criteria": [{"id": "age", "expr": "applicant.age >= 18 && applicant.age <= 35",
                           "label": {"zh": "年龄18至35周岁", "en": "Aged 18 to 35"},
                           "hint": {"zh": "仅限18至35周岁青年", "en": "Only for people aged 18 to 35"}}],
             "documents": [{"zh": "身份证", "en": "Resident ID card"}],
             "examples": [{"name": "young", "applicant": {"age": 25}, "expect": "ELIGIBLE", "amount": 500},
                          {"name": "too old", "applicant": {"age": 40}, "expect": "INELIGIBLE"}]}}
            """;

    @Schema(description = "A new draft: of a new measure, or of the next version of an existing one.",
            example = MEASURE_EXAMPLE)
    record DraftRequest(@NotNull MeasureDefinition measure) {
    }

    @Schema(description = "A new revision of the draft; `draftRevision` is the revision you edited "
            + "(409 if someone saved since).")
    record DraftEditRequest(@NotNull @Schema(example = "1") Long draftRevision, @NotNull MeasureDefinition measure) {
    }

    @Schema(description = "Approves the draft revision you reviewed (409 if it changed since).")
    record ApprovalRequest(@NotNull @Schema(example = "2") Long draftRevision) {
    }

    @Schema(description = "`title`, `opens`, `closes` and `quota` of the current version (of the draft before the "
            + "first publish); `draftRevision` and `draftApproved` null without a draft.")
    record MeasureOverview(String code, String status, int currentVersion, String title, String category,
            LocalDate opens, LocalDate closes, Integer quota, Long draftRevision, Boolean draftApproved) {
    }

    @Schema(description = "What saving (`savable`) and publishing (`examplesAgree`) would say about the measure, "
            + "without storing anything: `reasons` and `errors` as INVALID_MEASURE, `rules` as RULE_DOES_NOT_COMPILE "
            + "(every rule that does not compile: `criterion` is a criterion id, `benefit.amount` or `window`), and "
            + "every worked example with the rules' answer (empty while a rule does not compile).")
    record DraftCheckView(boolean savable, boolean examplesAgree, List<String> reasons, List<FieldProblem> errors,
            List<RuleProblem> rules, List<ExampleResult> examples) {
    }

    record FieldProblem(@Schema(example = "benefit.months") String field,
            @Schema(example = "GRANT_MONTHS_REQUIRED") String code, String message) {
    }

    record RuleProblem(@Schema(example = "age") String criterion,
            @Schema(example = "ERROR: <input>:1:17: mismatched input '<EOF>' expecting …") String celMessage) {
    }

    @Schema(description = "One worked example: what it expects and what the rules decide (`outcome` null when the "
            + "example's applicant names an unknown fact or value; `description` then says why), criterion by "
            + "criterion.")
    record ExampleResult(String name, String expect, Long expectedAmount, String outcome, Long amount,
            boolean agrees, String description, List<CriterionStatusView> criteria, List<String> missingFacts) {
    }

    record CriterionStatusView(@Schema(example = "age") String id, @Schema(example = "PASSED") String status) {
    }

    record DraftView(String code, String status, int currentVersion, long draftRevision, boolean approved,
            String savedBy, Instant savedAt, List<String> editors, String approvedBy, Instant approvedAt,
            List<ExampleCheck.Mismatch> disagreements, List<OneSidedExclusion> oneSidedExclusions,
            MeasureDefinition measure) {
    }

    @Schema(description = "`measure` excludes `excluded`, which does not exclude it back; approving and publishing "
            + "wait until both drafts say so.")
    record OneSidedExclusion(@Schema(example = "QJY-16") String measure, @Schema(example = "QJY-17") String excluded) {
    }

    record VersionView(String code, int version, String status, Instant publishedAt, String draftedBy,
            String approvedBy, String publishedBy, MeasureDefinition measure) {
    }

    record VersionSummary(int version, Instant publishedAt, String draftedBy, String approvedBy, String publishedBy) {
    }

    record LogEntry(String action, int version, String by, Instant at) {
    }

    record HistoryView(String code, String status, int currentVersion, List<VersionSummary> versions,
            List<LogEntry> log) {
    }

    static MeasureOverview overview(MeasureDocument document) {
        Draft draft = document.draft();
        String title = document.current().map(v -> v.definition().title().zh())
                .orElseGet(() -> draft == null ? null : draft.definition().title().zh());
        MeasureDefinition shown = document.current().map(PublishedVersion::definition)
                .orElseGet(() -> draft == null ? null : draft.definition());
        MeasureDefinition.Window window = shown == null ? null : shown.window();
        return new MeasureOverview(document.code(), document.status().name(), document.currentVersion(), title,
                shown == null ? null : shown.category(), window == null ? null : window.opens(),
                window == null ? null : window.closes(), shown == null ? null : shown.quota(),
                draft == null ? null : draft.revision(), draft == null ? null : draft.isApproved());
    }

    static DraftCheckView check(RuleChecks.Check check, Function<String, String> fieldMessage) {
        return new DraftCheckView(check.savable(), check.examplesAgree(), check.reasons(),
                check.fields().stream().map(p -> new FieldProblem(p.field(), p.code(), fieldMessage.apply(p.code())))
                        .toList(),
                check.rules().stream().map(e -> new RuleProblem(e.criterionId(), e.celMessage())).toList(),
                check.examples().stream().map(AdminViews::example).toList());
    }

    private static ExampleResult example(ExampleCheck.Run run) {
        MatchResult actual = run.actual();
        return new ExampleResult(run.example().name(), run.example().expect(), run.example().amount(),
                actual == null ? null : actual.outcome().name(), actual == null ? null : actual.amount(),
                run.agrees(), run.mismatch().map(ExampleCheck.Mismatch::description).orElse(null),
                actual == null ? List.of() : actual.criteria().stream()
                        .map(c -> new CriterionStatusView(c.id(), c.status().name())).toList(),
                actual == null ? List.of() : actual.missingFacts());
    }

    static DraftView draft(MeasureDocument document, List<ExampleCheck.Mismatch> disagreements,
            List<Exclusions.OneSided> oneSided) {
        Draft draft = document.draft();
        return new DraftView(document.code(), document.status().name(), document.currentVersion(), draft.revision(),
                draft.isApproved(), name(draft.savedBy()), draft.savedAt(),
                draft.editors().stream().map(AdminViews::name).toList(), name(draft.approvedBy()), draft.approvedAt(),
                disagreements, exclusions(oneSided), draft.definition());
    }

    static VersionView version(MeasureDocument document, PublishedVersion version) {
        String status = version.version() == document.currentVersion() ? document.status().name() : "SUPERSEDED";
        return new VersionView(document.code(), version.version(), status, version.publishedAt(),
                name(version.draftedBy()), name(version.approvedBy()), name(version.publishedBy()),
                version.definition());
    }

    static HistoryView history(MeasureDocument document) {
        return new HistoryView(document.code(), document.status().name(), document.currentVersion(),
                document.versions().stream().map(v -> new VersionSummary(v.version(), v.publishedAt(),
                        name(v.draftedBy()), name(v.approvedBy()), name(v.publishedBy()))).toList(),
                document.history().stream().map(AdminViews::entry).toList());
    }

    static List<OneSidedExclusion> exclusions(List<Exclusions.OneSided> pairs) {
        return pairs.stream().map(pair -> new OneSidedExclusion(pair.measure(), pair.excluded())).toList();
    }

    private static LogEntry entry(HistoryEntry entry) {
        return new LogEntry(entry.action().name(), entry.version(), name(entry.by()), entry.at());
    }

    private static String name(Actor actor) {
        return actor == null ? null : actor.username();
    }
}
