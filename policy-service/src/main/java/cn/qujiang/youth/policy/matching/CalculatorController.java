package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.engine.eligibility.Outlooks;
import cn.qujiang.youth.policy.catalogue.SampleNotice;
import cn.qujiang.youth.policy.matching.ResultViews.CalculatorRequest;
import cn.qujiang.youth.policy.matching.ResultViews.CalculatorResponse;
import cn.qujiang.youth.policy.matching.ResultViews.ResultView;
import cn.qujiang.youth.policy.matching.ResultViews.Summary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The anonymous policy calculator: try the catalogue with any facts; nothing is stored, no token needed. */
@RestController
@Tag(name = "Policy calculator")
class CalculatorController {
    private final Matcher matcher;
    private final ActiveCatalogue catalogue;
    private final SampleNotice notice;

    CalculatorController(Matcher matcher, ActiveCatalogue catalogue, SampleNotice notice) {
        this.matcher = matcher;
        this.catalogue = catalogue;
        this.notice = notice;
    }

    @PostMapping("/api/policy/evaluate")
    @Operation(summary = "Evaluate posted facts against every active measure, as of today (anonymous, nothing stored)")
    CalculatorResponse evaluate(@RequestBody CalculatorRequest request, Locale locale) {
        CatalogueSnapshot snapshot = catalogue.current();
        LocalDate today = matcher.today();
        List<String> held = request.heldMeasures() == null ? List.of() : request.heldMeasures();
        List<ResultView> results = ResultViews.of(matcher.results(snapshot, request.facts(), held, today, Outlooks.DATES),
                result -> snapshot.measure(result.measureCode()), held, locale);
        return new CalculatorResponse(today, notice.sample(), notice.text(locale), Summary.of(results), results);
    }
}
