package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.catalogue.Drafts;
import cn.qujiang.youth.policy.matching.MatchingAdminViews.ImpactPreviewView;
import cn.qujiang.youth.policy.matching.MatchingAdminViews.RematchProgressView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a policy admin needs to know about matching around a publish: its impact before, its progress after. */
@RestController
@Tag(name = "Catalogue administration")
class MatchingAdminController {
    private final Drafts drafts;
    private final ImpactPreviews previews;
    private final MatchStore store;
    private final ActiveCatalogue catalogue;
    private final Matcher matcher;
    private final RematchScheduler scheduler;

    MatchingAdminController(Drafts drafts, ImpactPreviews previews, MatchStore store, ActiveCatalogue catalogue,
            Matcher matcher, RematchScheduler scheduler) {
        this.drafts = drafts;
        this.previews = previews;
        this.store = store;
        this.catalogue = catalogue;
        this.matcher = matcher;
        this.scheduler = scheduler;
    }

    @GetMapping("/api/policy/admin/measures/{code}/draft/impact")
    @Operation(summary = "Impact preview of the saved draft over every stored applicant (policy-admin)",
            description = "Starts the preview or reports it: RUNNING (ask again in a second), READY with the counts, "
                    + "FAILED. A finished preview is kept for the same draft revision, catalogue revision and day; "
                    + "`again=true` computes it anew. 404 without a draft.")
    ImpactPreviewView impact(@PathVariable String code, @RequestParam(defaultValue = "false") boolean again) {
        return MatchingAdminViews.preview(previews.preview(drafts.current(code), again));
    }

    @GetMapping("/api/policy/admin/rematch")
    @Operation(summary = "Re-match progress after a publish or retirement (policy-admin)",
            description = "Counts the stored applicants up to date with the current catalogue revision and day and "
                    + "those still behind. Each call counts through all applicants: ask every few seconds, not more.")
    RematchProgressView rematch() {
        CatalogueSnapshot snapshot = catalogue.current();
        LocalDate today = matcher.today();
        long applicants = store.countApplicants();
        long behind = store.countBehind(snapshot.revision(), today);
        return new RematchProgressView(snapshot.revision(), today, applicants, applicants - behind, behind,
                scheduler.running());
    }
}
