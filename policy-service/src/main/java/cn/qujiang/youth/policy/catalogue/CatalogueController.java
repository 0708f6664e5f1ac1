package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.policy.catalogue.MeasureViews.MeasureDetail;
import cn.qujiang.youth.policy.catalogue.MeasureViews.MeasureList;
import cn.qujiang.youth.policy.web.Languages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalogue: the current published version of every active measure, in the caller's language. */
@RestController
@RequestMapping("/api/policy/measures")
@Tag(name = "Catalogue", description = "Published measures (public)")
class CatalogueController {
    private final ActiveCatalogue catalogue;
    private final SampleNotice notice;
    private final Clock clock;

    CatalogueController(ActiveCatalogue catalogue, SampleNotice notice, Clock clock) {
        this.catalogue = catalogue;
        this.notice = notice;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List the active measures", description = "Optionally of one category "
            + "(EMPLOYMENT, ENTREPRENEURSHIP, HOUSING, LIVING, GROWTH, LEISURE); texts in `lang` or Accept-Language.")
    MeasureList list(@RequestParam(required = false) String category,
            @Parameter(description = "zh or en; overrides Accept-Language") @RequestParam(required = false) String lang,
            Locale requested) {
        Locale locale = Languages.resolve(lang, requested);
        LocalDate today = LocalDate.now(clock);
        List<MeasureViews.MeasureSummary> measures = catalogue.current().definitions().stream()
                .filter(measure -> category == null || category.equalsIgnoreCase(measure.category()))
                .map(measure -> MeasureViews.summary(measure, today, locale))
                .toList();
        return new MeasureList(notice.sample(), notice.text(locale), measures.size(), measures);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One active measure with its criteria, benefit and required documents")
    MeasureDetail one(@PathVariable String code,
            @Parameter(description = "zh or en; overrides Accept-Language") @RequestParam(required = false) String lang,
            Locale requested) {
        Locale locale = Languages.resolve(lang, requested);
        return catalogue.current().measure(code)
                .map(measure -> MeasureViews.detail(measure, LocalDate.now(clock), locale, notice.sample(),
                        notice.text(locale)))
                .orElseThrow(() -> ApiException.notFound("measure"));
    }
}
