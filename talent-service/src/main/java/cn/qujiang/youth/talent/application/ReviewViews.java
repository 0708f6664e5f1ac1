package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.application.ApplicationViews.GrantView;
import cn.qujiang.youth.talent.application.PlacesLeft.PlacesView;
import cn.qujiang.youth.talent.matches.MatchResultView;
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

    /** A reason an officer may give for ending a benefit, in the caller's language. */
    record EndReasonView(String code, String label) {
    }

    @Schema(example = "{\"ids\": [\"5f0c8a7e-1d2b-4e3f-8a9b-0c1d2e3f4a5b\"]}")
    record ConfirmOffersRequest(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 64) String> ids) {
    }

    record ConfirmOffersResult(List<String> confirmed, List<String> skipped) {
    }

    record QueueItem(String id, ApplicationKind kind, String measureCode, String measureTitle,
            ApplicationStatus status, String applicantName, Instant submittedAt, LocalDate dueDate, boolean overdue,
            long version) {
    }

    record QueuePage(List<QueueItem> items, int page, int size, long total) {
    }

    record MaskedApplicant(String applicantId, String name, String idNumber, String phone, String email,
            ApplicantFacts facts, String school, String employer, String employerCreditCode, List<String> heldMeasures,
            long profileVersion) {
    }

    record Eligibility(Long profileVersion, boolean current, MatchResultView result) {
    }

    record TransitionView(Instant at, Actor actor, String by, String byName, ApplicationStatus from,
            ApplicationStatus to, String reasonCode, String reason, String comment) {
    }

    record ReviewDetail(String id, ApplicationKind kind, long version, ApplicationStatus status, String measureCode,
            String measureTitle, Instant submittedAt, LocalDate dueDate, int responseWorkingDays, boolean overdue,
            MaskedApplicant applicant, Eligibility eligibilityAtSubmission, Eligibility eligibilityNow,
            List<TransitionView> transitions, GrantView grant, PlacesView places) {
    }
}
