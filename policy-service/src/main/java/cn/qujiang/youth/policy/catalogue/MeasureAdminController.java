package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.kit.web.Problems;
import cn.qujiang.youth.policy.catalogue.AdminViews.ApprovalRequest;
import cn.qujiang.youth.policy.catalogue.AdminViews.DraftCheckView;
import cn.qujiang.youth.policy.catalogue.AdminViews.DraftEditRequest;
import cn.qujiang.youth.policy.catalogue.AdminViews.DraftRequest;
import cn.qujiang.youth.policy.catalogue.AdminViews.DraftView;
import cn.qujiang.youth.policy.catalogue.AdminViews.HistoryView;
import cn.qujiang.youth.policy.catalogue.AdminViews.MeasureOverview;
import cn.qujiang.youth.policy.catalogue.AdminViews.VersionView;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Actor;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Policy admins edit the catalogue as data: draft, approve (someone else), publish, retire, read the history. */
@RestController
@RequestMapping("/api/policy/admin/measures")
@Tag(name = "Catalogue administration", description = "Four-eyes editing of measures (policy-admin)")
class MeasureAdminController {
    private final MeasureAdministration administration;
    private final RuleChecks rules;
    private final ExclusionSymmetry exclusions;
    private final Problems problems;

    MeasureAdminController(MeasureAdministration administration, RuleChecks rules, ExclusionSymmetry exclusions,
            Problems problems) {
        this.administration = administration;
        this.rules = rules;
        this.exclusions = exclusions;
        this.problems = problems;
    }

    @GetMapping
    @Operation(summary = "Every measure with its status, current version and draft state")
    List<MeasureOverview> all() {
        return administration.all().stream().map(AdminViews::overview).toList();
    }

    @PostMapping
    @Operation(summary = "Start a draft (new measure, or next version of an existing one)",
            description = "The rules must compile: otherwise 422 RULE_DOES_NOT_COMPILE with `criterion` and "
                    + "`celMessage`.")
    ResponseEntity<DraftView> startDraft(@Valid @RequestBody DraftRequest request, Authentication authentication) {
        MeasureDocument document = administration.startDraft(request.measure(), actor(authentication));
        return ResponseEntity.created(URI.create("/api/policy/admin/measures/" + document.code() + "/draft"))
                .body(draftView(document));
    }

    @PostMapping("/check")
    @Operation(summary = "Check a measure as saving and publishing would, without storing it",
            description = "Always 200: `savable` false lists what saving would refuse (`reasons`, field `errors`, "
                    + "every rule that does not compile), and each worked example is run and compared. For an "
                    + "editor that shows problems at the rule while the officer types.")
    DraftCheckView check(@Valid @RequestBody DraftRequest request, Locale locale) {
        return AdminViews.check(rules.check(request.measure()),
                code -> problems.text("measure.field." + code, locale));
    }

    @GetMapping("/{code}/draft")
    @Operation(summary = "The draft, with the examples its rules currently disagree with and the exclusions it "
            + "takes part in that are written on one side only")
    DraftView draft(@PathVariable String code) {
        MeasureDocument document = administration.get(code);
        if (document.draft() == null) {
            throw ApiException.notFound("draft");
        }
        return draftView(document);
    }

    @PutMapping("/{code}/draft")
    @Operation(summary = "Save a new revision of the draft (resets any approval)")
    DraftView editDraft(@PathVariable String code, @Valid @RequestBody DraftEditRequest request,
            Authentication authentication) {
        return draftView(administration.editDraft(code, request.draftRevision(), request.measure(),
                actor(authentication)));
    }

    @DeleteMapping("/{code}/draft")
    @Operation(summary = "Discard the draft",
            description = "Refused with 409 EXCLUSION_ONE_SIDED when the draft settles a pair of exclusions whose "
                    + "other half is already published.")
    ResponseEntity<Void> discardDraft(@PathVariable String code, @RequestParam long draftRevision,
            Authentication authentication) {
        administration.discardDraft(code, draftRevision, actor(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{code}/draft/approve")
    @Operation(summary = "Approve the draft; its authors cannot (403 AUTHOR_CANNOT_APPROVE)",
            description = "Refused with 409 EXCLUSION_ONE_SIDED (listing `oneSidedExclusions`) while the draft "
                    + "excludes a measure that does not exclude it back, or the reverse, in the catalogue as the "
                    + "drafts would make it.")
    DraftView approve(@PathVariable String code, @Valid @RequestBody ApprovalRequest request,
            Authentication authentication) {
        return draftView(administration.approve(code, request.draftRevision(), actor(authentication)));
    }

    @PostMapping("/{code}/publish")
    @Operation(summary = "Publish the approved draft as the next immutable version",
            description = "Refused with 422 EXAMPLES_DISAGREE (listing them) while any example disagrees with "
                    + "the rules, and with 409 EXCLUSION_ONE_SIDED as approval is.")
    VersionView publish(@PathVariable String code, Authentication authentication) {
        MeasureDocument published = administration.publish(code, actor(authentication));
        return AdminViews.version(published, published.current().orElseThrow());
    }

    @PostMapping("/{code}/retire")
    @Operation(summary = "Retire the measure: it stops matching and replicas learn it is RETIRED")
    VersionView retire(@PathVariable String code, Authentication authentication) {
        MeasureDocument retired = administration.retire(code, actor(authentication));
        return AdminViews.version(retired, retired.current().orElseThrow());
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Published versions and the audit log of the measure")
    HistoryView history(@PathVariable String code) {
        return AdminViews.history(administration.get(code));
    }

    @GetMapping("/{code}/versions/{version}")
    @Operation(summary = "One published version in full")
    VersionView version(@PathVariable String code, @PathVariable int version) {
        MeasureDocument document = administration.get(code);
        return document.version(version).map(v -> AdminViews.version(document, v))
                .orElseThrow(() -> ApiException.notFound("version"));
    }

    private DraftView draftView(MeasureDocument document) {
        MeasureDefinition draft = document.draft().definition();
        return AdminViews.draft(document, rules.mismatches(draft), exclusions.oneSided(draft));
    }

    private static Actor actor(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return new Actor(caller.id(), caller.username());
    }
}
