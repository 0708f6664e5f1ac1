package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.application.ApplicationWorkflow.Acting;
import cn.qujiang.youth.talent.application.ReviewViews.AssignRequest;
import cn.qujiang.youth.talent.application.ReviewViews.ConfirmOffersRequest;
import cn.qujiang.youth.talent.application.ReviewViews.OfficerView;
import cn.qujiang.youth.talent.application.ReviewViews.RejectOffersRequest;
import cn.qujiang.youth.talent.application.ReviewViews.RejectOffersResult;
import cn.qujiang.youth.talent.application.ReviewViews.ConfirmOffersResult;
import cn.qujiang.youth.talent.application.ReviewViews.DecisionReasonView;
import cn.qujiang.youth.talent.application.ReviewViews.DecisionRequest;
import cn.qujiang.youth.talent.application.ReviewViews.EndReasonView;
import cn.qujiang.youth.talent.application.ReviewViews.EndRequest;
import cn.qujiang.youth.talent.application.ReviewViews.QueuePage;
import cn.qujiang.youth.talent.application.ReviewViews.ReviewDetail;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The HR officers' review API (role hr-officer). */
@RestController
@RequestMapping("/api/talent/review")
class ReviewController {
    private final ReviewService review;

    ReviewController(ReviewService review) {
        this.review = review;
    }

    @Operation(summary = "Review queue sorted by due date (sort=-dueDate: latest first); default statuses: waiting "
            + "for an officer; dueWithin=N: due within N working days, overdue included; mine=true: only what the "
            + "caller holds (the counts per status too)")
    @GetMapping("/applications")
    QueuePage queue(@RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String measure,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @Min(0) @Max(60) Integer dueWithin,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "dueDate") @Pattern(regexp = "-?dueDate") String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            Authentication authentication, Locale locale) {
        return review.queue(officer(authentication), new ReviewService.QueueQuery(status, measure, overdue, dueWithin,
                mine, sort.startsWith("-"), page, size), locale);
    }

    @Operation(summary = "An application with masked personal data (an age, not the birth date), the facts and every "
            + "criterion in words at submission and now, the timeline and who is working on it")
    @GetMapping("/applications/{id}")
    ReviewDetail detail(Authentication authentication, @PathVariable String id, Locale locale) {
        return review.detail(officer(authentication), id, locale);
    }

    @Operation(summary = "Take the application so that no colleague works on it meanwhile (409 CLAIMED_BY_OTHER)")
    @PostMapping("/applications/{id}/claim")
    ReviewDetail claim(Authentication authentication, @PathVariable String id, Locale locale) {
        return review.claim(officer(authentication), id, locale);
    }

    @Operation(summary = "Let go of an application one has taken (409 CLAIMED_BY_OTHER for a colleague's)")
    @DeleteMapping("/applications/{id}/claim")
    ReviewDetail release(Authentication authentication, @PathVariable String id, Locale locale) {
        return review.release(officer(authentication), id, locale);
    }

    @Operation(summary = "Hand the application to a colleague (or take it): free, lapsed, the caller's or already "
            + "theirs; 409 CLAIMED_BY_OTHER while another officer holds it, 400 OFFICER_UNKNOWN")
    @PostMapping(path = "/applications/{id}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewDetail assign(Authentication authentication, @PathVariable String id,
            @Valid @RequestBody AssignRequest request, Locale locale) {
        return review.assign(officer(authentication), id, request.userName(), locale);
    }

    @Operation(summary = "The officers an application can be handed to: everyone who has used the review API")
    @GetMapping("/officers")
    List<OfficerView> officers(Authentication authentication) {
        return review.officers(officer(authentication));
    }

    @Operation(summary = "The reasons an officer may give with each kind of decision, with the zh and en words the "
            + "applicant will read")
    @GetMapping("/decision-reasons")
    List<DecisionReasonView> decisionReasons(Locale locale) {
        return review.decisionReasons(locale);
    }

    @Operation(summary = "Decide: APPROVE, REJECT or REQUEST_INFO with a reason listed for it, at the version read "
            + "(409 if someone was faster or a colleague has taken it)")
    @PostMapping(path = "/applications/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewDetail decide(Authentication authentication, @PathVariable String id,
            @Valid @RequestBody DecisionRequest request, Locale locale) {
        return review.decide(officer(authentication), id, request, locale);
    }

    @Operation(summary = "End or revoke a granted benefit with a reason, at the version read (409 if it moved or "
            + "is not held); the resident is told and what it excluded opens again")
    @PostMapping(path = "/applications/{id}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewDetail end(Authentication authentication, @PathVariable String id, @Valid @RequestBody EndRequest request,
            Locale locale) {
        return review.end(officer(authentication), id, request, locale);
    }

    @Operation(summary = "The reasons an officer may give for ending a benefit, in words")
    @GetMapping("/end-reasons")
    List<EndReasonView> endReasons(Locale locale) {
        return review.endReasons(locale);
    }

    @Operation(summary = "Confirm auto-grant offers in bulk; returns which were confirmed and which skipped")
    @PostMapping(path = "/offers/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    ConfirmOffersResult confirm(Authentication authentication, @Valid @RequestBody ConfirmOffersRequest request) {
        return review.confirmOffers(officer(authentication), request.ids());
    }

    @Operation(summary = "Reject auto-grant offers in bulk with one reason listed for rejections; each offer a "
            + "colleague or the applicant dealt with meanwhile is skipped with what it is now")
    @PostMapping(path = "/offers/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    RejectOffersResult reject(Authentication authentication, @Valid @RequestBody RejectOffersRequest request) {
        return review.rejectOffers(officer(authentication), request);
    }

    private static Acting officer(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return new Acting(Actor.OFFICER, caller.id(), caller.username());
    }
}
