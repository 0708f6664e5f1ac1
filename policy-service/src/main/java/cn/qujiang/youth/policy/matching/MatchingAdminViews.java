package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.matching.ImpactTally.Change;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Responses of the policy admins' views of matching: the impact preview of a draft and the re-match progress. */
final class MatchingAdminViews {

    private MatchingAdminViews() {
    }

    @Schema(description = "The impact preview of a draft. `state` RUNNING (ask again; `evaluated` applicants so far), "
            + "READY (`impact` holds the counts) or FAILED (ask again with `again=true`).")
    record ImpactPreviewView(String code, long draftRevision, String state, long evaluated, Instant startedAt,
            ImpactView impact) {
    }

    @Schema(description = "What publishing the draft would change over every stored applicant, evaluated today "
            + "exactly as the re-match after publishing does: `becomeEligible` / `loseEligibility` applicants, "
            + "`changed` applicants whose result for the measure changes noticeably (each gets a MatchesEvaluated), "
            + "per outcome how many before and after, and a few anonymised examples (no applicant id, no profile: "
            + "outcomes, criterion statuses and, for the criteria whose status changes, the values they read).")
    record ImpactView(Integer publishedVersion, int draftVersion, LocalDate asOf, long catalogueRevision,
            Instant computedAt, @Schema(description = "milliseconds the preview took") long took, long applicants,
            long becomeEligible, long loseEligibility, long changed, List<OutcomeCount> outcomes,
            List<ExampleView> examples) {
    }

    record OutcomeCount(@Schema(example = "ELIGIBLE") String outcome, long before, long after) {
    }

    @Schema(description = "`change`: BECOMES_ELIGIBLE, LOSES_ELIGIBILITY, OUTCOME_CHANGES or DETAILS_CHANGE; "
            + "`outcomeBefore` null when the measure is not active yet.")
    record ExampleView(String change, String outcomeBefore, String outcomeAfter, Long amountBefore, Long amountAfter,
            List<CriterionChangeView> criteria) {
    }

    @Schema(description = "A criterion's status before and after (null where that version lacks it); `values` the "
            + "facts it read, raw as in MatchesEvaluated (e.g. {\"age\": 33}), only when its status changes.")
    record CriterionChangeView(String id, String before, String after, Map<String, Object> values) {
    }

    @Schema(description = "Re-match progress: applicants evaluated against catalogue revision `catalogueRevision` "
            + "on `asOf` (`upToDate`) and those still `behind`; `running` while a re-match runs on this instance.")
    record RematchProgressView(long catalogueRevision, LocalDate asOf, long applicants, long upToDate, long behind,
            boolean running) {
    }

    static ImpactPreviewView preview(ImpactPreviews.Run run) {
        String state = run.impact() != null ? "READY" : run.failure() != null ? "FAILED" : "RUNNING";
        return new ImpactPreviewView(run.key().code(), run.key().draftRevision(), state, run.evaluated().get(),
                run.started(), run.impact() == null ? null : impact(run.key(), run.impact()));
    }

    private static ImpactView impact(ImpactPreviews.Key key, ImpactPreviews.Impact impact) {
        ImpactTally tally = impact.tally();
        List<OutcomeCount> outcomes = Arrays.stream(Outcome.values())
                .map(outcome -> new OutcomeCount(outcome.name(), tally.before(outcome), tally.after(outcome)))
                .toList();
        return new ImpactView(impact.publishedVersion(), impact.draftVersion(), key.day(), key.catalogueRevision(),
                impact.computedAt(), impact.took(), tally.applicants(), tally.count(Change.BECOMES_ELIGIBLE),
                tally.count(Change.LOSES_ELIGIBILITY), tally.changed(), outcomes,
                tally.examples().stream().map(MatchingAdminViews::example).toList());
    }

    private static ExampleView example(ImpactTally.Example example) {
        return new ExampleView(example.change().name(), name(example.outcomeBefore()), name(example.outcomeAfter()),
                example.amountBefore(), example.amountAfter(), example.criteria().stream()
                        .map(c -> new CriterionChangeView(c.id(), c.before(), c.after(), c.values())).toList());
    }

    private static String name(Outcome outcome) {
        return outcome == null ? null : outcome.name();
    }
}
