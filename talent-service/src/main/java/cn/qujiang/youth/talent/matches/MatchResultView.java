package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.policy.engine.vocabulary.Words;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One measure's match result in the reader's language: what was decided, what it is worth, which criteria failed
 * and how to fix them, which facts are missing. Shared by the applicant's matches and the officers' review. Titles,
 * criterion labels and hints come from the catalogue replica; facts, values, units and amounts from the engine's
 * vocabulary. The codes stay beside the words for clients that branch on them. When time alone changes a result
 * ("可于 2027年3月1日 起申请") is not here: matching does not work the days out (policy-engine's {@code Outlooks}); the
 * resident's own results at policy-service's {@code GET /api/policy/me/results} carry them.
 */
public record MatchResultView(
        String measureCode,
        int measureVersion,
        String title,
        Outcome outcome,
        Long amount,
        String unit,
        String unitLabel,
        @Schema(description = "The amount in words, e.g. 每月 1,000 元, 5 折优惠; null without an amount",
                example = "每月 1,000 元") String amountText,
        String benefitKind,
        boolean nearMiss,
        List<CriterionView> failedCriteria,
        List<FactView> missingFacts,
        List<ExclusionView> excludedBy,
        @Schema(description = "The measure's window: why it is NOT_OPEN; null ends are open") LocalDate opens,
        LocalDate closes) {

    @Schema(description = "A criterion not met or not decided; `values` are the resident's facts it read, in words")
    public record CriterionView(String id, CriterionStatus status, String label, String hint,
            List<FactValueView> values) {
    }

    public record FactView(@Schema(example = "degree") String fact, @Schema(example = "最高学历") String label) {
    }

    public record FactValueView(@Schema(example = "degree") String fact, @Schema(example = "最高学历") String label,
            @Schema(example = "本科") String value) {
    }

    public record ExclusionView(String measureCode, String title) {
    }

    /**
     * @param measures the replica's measures by code: the result's own and those that exclude it; a measure the
     *                 replica does not know is shown by its code, its criteria by their ids
     */
    static MatchResultView of(MatchResult result, Map<String, MeasurePublished> measures, Words words,
            Locale locale) {
        Optional<MeasurePublished> measure = Optional.ofNullable(measures.get(result.measureCode()));
        return new MatchResultView(result.measureCode(), result.measureVersion(),
                title(measure.orElse(null), result.measureCode(), locale), result.outcome(), result.amount(),
                result.unit(), result.unit() == null ? null : words.unit(result.unit()),
                result.amount() == null ? null : words.amount(result.unit(), result.amount()),
                result.benefitKind(), result.nearMiss(),
                result.criteria().stream().filter(c -> c.status() != CriterionStatus.PASSED)
                        .map(c -> criterion(c, measure.flatMap(m -> m.criterion(c.id())), words, locale))
                        .toList(),
                result.missingFacts().stream().map(fact -> new FactView(fact, words.fact(fact))).toList(),
                result.excludedBy().stream()
                        .map(code -> new ExclusionView(code, title(measures.get(code), code, locale)))
                        .toList(),
                measure.map(MeasurePublished::opens).orElse(null), measure.map(MeasurePublished::closes).orElse(null));
    }

    static CriterionView criterion(CriterionResult result, Optional<MeasurePublished.Criterion> texts,
            Words words, Locale locale) {
        return new CriterionView(result.id(), result.status(),
                texts.map(MeasurePublished.Criterion::label).map(label -> label.in(locale)).orElse(result.id()),
                texts.map(MeasurePublished.Criterion::hint).map(hint -> hint.in(locale)).orElse(null),
                result.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(value -> new FactValueView(value.getKey(), words.fact(value.getKey()),
                                words.value(value.getKey(), value.getValue())))
                        .toList());
    }

    private static String title(MeasurePublished measure, String code, Locale locale) {
        return Optional.ofNullable(measure).map(MeasurePublished::title).map(title -> title.in(locale)).orElse(code);
    }
}
