package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.application.ApplicationViews.GrantView;
import cn.qujiang.youth.talent.application.PlacesLeft.PlacesView;
import cn.qujiang.youth.talent.matches.MatchResultView;
import cn.qujiang.youth.talent.matches.MatchResultView.CriterionView;
import cn.qujiang.youth.talent.matches.MatchResultView.ExclusionView;
import cn.qujiang.youth.talent.matches.MatchResultView.FactValueView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What officers send and see; personal data only masked. */
final class ReviewViews {
    private ReviewViews() {
    }

    enum DecisionKind { APPROVE, REJECT, REQUEST_INFO }

    @Schema(example = """
            {"version": 1, "decision": "APPROVE", "reasonCode": "CRITERIA_MET", "comment": "材料齐全"}""")
    record DecisionRequest(
            @NotNull Long version,
            @NotNull DecisionKind decision,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String reasonCode,
            @Size(max = 1000) String comment) {
    }

    @Schema(example = """
            {"version": 3, "reasonCode": "FALSE_MATERIALS", "comment": "租赁合同经核实为伪造"}""")
    record EndRequest(
            @NotNull Long version,
            @NotBlank @Pattern(regexp = EndReason.CODES, message = "{talent.validation.endReason}") String reasonCode,
            @NotBlank @Size(max = 1000) String comment) {
    }

    /**
     * A reason an officer may give with a decision of kind {@code decision}: {@code label} in the caller's language,
     * {@code zh} and {@code en} as the applicant will read it.
     */
    @Schema(example = """
            {"code": "DOCUMENTS_MISSING", "decision": "REQUEST_INFO", "label": "材料不全", "zh": "材料不全",
             "en": "Documents missing"}""")
    record DecisionReasonView(String code, DecisionKind decision, String label, String zh, String en) {
    }

    /** A reason an officer may give for ending a benefit, in the caller's language. */
    record EndReasonView(String code, String label) {
    }

    @Schema(example = "{\"ids\": [\"5f0c8a7e-1d2b-4e3f-8a9b-0c1d2e3f4a5b\"]}")
    record ConfirmOffersRequest(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 64) String> ids) {
    }

    record ConfirmOffersResult(List<String> confirmed, List<String> skipped) {
    }

    @Schema(example = """
            {"ids": ["5f0c8a7e-1d2b-4e3f-8a9b-0c1d2e3f4a5b"], "reasonCode": "CRITERIA_NOT_MET", "comment": "已在他处享受"}""")
    record RejectOffersRequest(
            @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 64) String> ids,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String reasonCode,
            @Size(max = 1000) String comment) {
    }

    /**
     * An offer left as it was: {@code status} what it is now (absent: no such offer), {@code claimedBy} the colleague
     * working on it, if any.
     */
    record SkippedOffer(String id, ApplicationStatus status, String claimedBy) {
    }

    record RejectOffersResult(List<String> rejected, List<SkippedOffer> skipped) {
    }

    @Schema(example = "{\"userName\": \"hr2\"}")
    record AssignRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String userName) {
    }

    /** An officer an application can be handed to, by user name; {@code me}: the caller. */
    record OfficerView(String userName, boolean me) {
    }

    /**
     * {@code workingDaysLeft}: while waiting for an officer, the working days until the due date (0 = due today,
     * negative = that many working days late); {@code claimedBy}: the user name of the officer working on it.
     */
    record QueueItem(String id, ApplicationKind kind, String measureCode, String measureTitle,
            ApplicationStatus status, String applicantName, Instant submittedAt, LocalDate dueDate, boolean overdue,
            Integer workingDaysLeft, String claimedBy, long version) {
    }

    record StatusCount(ApplicationStatus status, long count) {
    }

    /**
     * A page of the queue; {@code counts}: applications per status (of the measure filtered on, if any, and only
     * the caller's with {@code mine}), statuses without any left out; {@code overdue}: how many waiting applications
     * (of that measure, the caller's with {@code mine}) are overdue.
     */
    record QueuePage(List<QueueItem> items, int page, int size, long total, List<StatusCount> counts, long overdue) {
    }

    /**
     * The applicant as an officer sees them: masked identity, the age (not the birth date), the facts in words,
     * and the measures held (by title).
     */
    record MaskedApplicant(String applicantId, String name, String idNumber, String phone, String email,
            Integer age, List<FactValueView> facts, String school, String employer, String employerCreditCode,
            List<ExclusionView> heldMeasures, long profileVersion) {
    }

    /** A match result with every criterion (passed ones too) and the applicant's values in words. */
    record Eligibility(Long profileVersion, boolean current, MatchResultView result, List<CriterionView> criteria) {
    }

    /** Who is working on the application; {@code mine} when it is the caller. */
    record ClaimView(String byName, Instant at, boolean mine) {
    }

    record TransitionView(Instant at, Actor actor, String by, String byName, ApplicationStatus from,
            ApplicationStatus to, String reasonCode, String reason, String comment) {
    }

    /** An officer (by user name) was shown the applicant's full identity: the audit record, for the timeline. */
    record DisclosureView(Instant at, String byName) {
    }

    /** The officer {@code byName} handed the application to the officer {@code toName}: for the timeline. */
    record HandoverView(Instant at, String byName, String toName) {
    }

    /**
     * {@code identityDisclosures}: every time an officer asked for the full identity, oldest first;
     * {@code handovers}: every time an officer handed it to a colleague, oldest first.
     */
    record ReviewDetail(String id, ApplicationKind kind, long version, ApplicationStatus status, String measureCode,
            String measureTitle, Instant submittedAt, LocalDate dueDate, int responseWorkingDays, boolean overdue,
            MaskedApplicant applicant, Eligibility eligibilityAtSubmission, Eligibility eligibilityNow,
            List<TransitionView> transitions, GrantView grant, PlacesView places, Integer workingDaysLeft,
            ClaimView claim, List<DisclosureView> identityDisclosures, List<HandoverView> handovers) {
    }
}
