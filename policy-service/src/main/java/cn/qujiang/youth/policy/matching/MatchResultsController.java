package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.matching.ResultViews.EligibleApplicant;
import cn.qujiang.youth.policy.matching.ResultViews.EligiblePage;
import cn.qujiang.youth.policy.matching.ResultViews.MyResults;
import cn.qujiang.youth.policy.matching.ResultViews.ResultView;
import cn.qujiang.youth.policy.matching.ResultViews.Summary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stored match results: an applicant's own, and for HR officers who is eligible for a measure (ids only). */
@RestController
@Tag(name = "Match results")
class MatchResultsController {
    private final MatchStore store;
    private final Matcher matcher;
    private final ActiveCatalogue catalogue;

    MatchResultsController(MatchStore store, Matcher matcher, ActiveCatalogue catalogue) {
        this.store = store;
        this.matcher = matcher;
        this.catalogue = catalogue;
    }

    @GetMapping("/api/policy/me/results")
    @Operation(summary = "My latest results for every active measure (applicant)",
            description = "Titles, labels and hints in Accept-Language. 404 until a profile has been matched.")
    MyResults myResults(Authentication authentication, Locale locale) {
        ApplicantMatches stored = store.find(Caller.of(authentication).id())
                .filter(matches -> !matches.erased())
                .orElseThrow(() -> ApiException.notFound("results"));
        List<ResultView> results = ResultViews.of(matcher.replay(stored), result -> catalogue
                .version(result.measureCode(), result.measureVersion()).map(CompiledMeasure::definition),
                stored.heldMeasures(), locale);
        return new MyResults(stored.profileVersion(), stored.asOf(), stored.evaluatedAt(), Summary.of(results),
                results);
    }

    @GetMapping("/api/policy/measures/{code}/eligible")
    @Operation(summary = "Applicants currently eligible for a measure, for outreach (hr-officer)",
            description = "Applicant ids and outcome only, in id order.")
    EligiblePage eligible(@PathVariable String code, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (catalogue.current().measure(code).isEmpty()) {
            throw ApiException.notFound("measure");
        }
        List<EligibleApplicant> applicants = store.eligibleFor(code, (long) page * size, size).stream()
                .map(id -> new EligibleApplicant(id, Outcome.ELIGIBLE)).toList();
        return new EligiblePage(code, page, size, store.countEligibleFor(code), applicants);
    }
}
