package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Criterion;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Window;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Match results as people read them: titles, criterion labels and hints of the measure version that decided, in one
 * language, hints only where something is still to be done. Criterion {@code values} stay codes (the app words them
 * with the vocabulary).
 */
final class ResultViews {

    private ResultViews() {
    }

    static final String CALCULATOR_EXAMPLE = """
            {"facts": {"birthDate": "2001-05-20", "degree": "BACHELOR", "graduationDate": "2025-06-30",
                       "hukou": "OUT_OF_PROVINCE", "residesInQujiang": true, "firstTimeInQujiang": true,
                       "employmentStatus": "JOB_SEEKING", "rentingInQujiang": true, "ownsHomeInQujiang": false},
             "heldMeasures": []}
            """;

    @Schema(description = "Facts to try the catalogue with; every fact is optional. Nothing is stored.",
            example = CALCULATOR_EXAMPLE)
    record CalculatorRequest(ApplicantFacts facts, List<String> heldMeasures) {
    }

    record CalculatorResponse(LocalDate asOf, boolean sample, String notice, Summary summary,
            List<ResultView> results) {
    }

    record MyResults(long profileVersion, LocalDate asOf, Instant evaluatedAt, Summary summary,
            List<ResultView> results) {
    }

    record Summary(long eligible, long nearMisses, long needsInfo) {
        static Summary of(List<ResultView> results) {
            return new Summary(results.stream().filter(r -> r.outcome() == Outcome.ELIGIBLE).count(),
                    results.stream().filter(ResultView::nearMiss).count(),
                    results.stream().filter(r -> r.outcome() == Outcome.NEEDS_INFO).count());
        }
    }

    @Schema(description = "One measure's result. `excludedBy`: codes of held measures that exclude this one (their "
            + "titles are among the results); `opens`/`closes`: the measure's window, which explains NOT_OPEN; "
            + "`held`: the applicant holds this measure already; `eligibleFrom`: for INELIGIBLE, the day time alone "
            + "makes the applicant eligible.")
    record ResultView(String measureCode, int measureVersion, String title, Outcome outcome, Long amount,
            String unit, String benefitKind, boolean nearMiss, List<CriterionView> criteria,
            List<String> missingFacts, List<String> excludedBy, LocalDate opens, LocalDate closes, boolean held,
            LocalDate eligibleFrom) {
    }

    @Schema(description = "One criterion; `hint` (what to do) is given unless it passed; `values` are the facts it "
            + "read; `passesFrom`: the day a failed criterion passes by time alone; `failsFrom`: the day a failed "
            + "criterion that time cannot mend stopped passing (e.g. the birthday that made the applicant too old).")
    record CriterionView(String id, CriterionStatus status, String label, String hint, Map<String, String> values,
            LocalDate passesFrom, LocalDate failsFrom) {
    }

    record EligibleApplicant(String applicantId, Outcome outcome) {
    }

    record EligiblePage(String measureCode, int page, int size, long total, List<EligibleApplicant> applicants) {
    }

    /**
     * @param measures the measure version that decided a result (its texts and window); a version that can no longer
     *                 be found shows the code as title and the ids as labels
     * @param held     the measures the applicant holds
     */
    static List<ResultView> of(List<MatchResult> results, Function<MatchResult, Optional<MeasureDefinition>> measures,
            Collection<String> held, Locale locale) {
        return results.stream()
                .map(result -> of(result, measures.apply(result), held.contains(result.measureCode()), locale))
                .toList();
    }

    static ResultView of(MatchResult result, Optional<MeasureDefinition> measure, boolean held, Locale locale) {
        Window window = measure.map(MeasureDefinition::window).orElse(null);
        return new ResultView(result.measureCode(), result.measureVersion(),
                measure.map(m -> m.title().in(locale)).orElse(result.measureCode()), result.outcome(),
                result.amount(), result.unit(), result.benefitKind(), result.nearMiss(),
                result.criteria().stream().map(criterion -> of(criterion, measure.flatMap(m -> m.criteria().stream()
                        .filter(c -> c.id().equals(criterion.id())).findFirst()), locale)).toList(),
                result.missingFacts(), result.excludedBy(), window == null ? null : window.opens(),
                window == null ? null : window.closes(), held, result.eligibleFrom());
    }

    private static CriterionView of(CriterionResult criterion, Optional<Criterion> definition, Locale locale) {
        String hint = criterion.status() == CriterionStatus.PASSED ? null
                : definition.map(Criterion::hint).map(text -> text.in(locale)).orElse(null);
        Map<String, String> values = new TreeMap<>();
        criterion.values().forEach((fact, value) -> values.put(fact, String.valueOf(value)));
        return new CriterionView(criterion.id(), criterion.status(),
                definition.map(Criterion::label).map(text -> text.in(locale)).orElse(criterion.id()), hint, values,
                criterion.passesFrom(), criterion.failsFrom());
    }
}
