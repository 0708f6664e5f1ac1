package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary;
import cn.qujiang.youth.policy.engine.vocabulary.Words;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Match results in words, for every view that shows them: the measures they name are read from the catalogue
 * replica in one query, facts and amounts are worded by the engine's vocabulary.
 */
@Component
public class MatchResultViews {
    private final CatalogueReplica catalogue;
    private final FactVocabulary vocabulary = FactVocabulary.shipped();

    MatchResultViews(CatalogueReplica catalogue) {
        this.catalogue = catalogue;
    }

    public List<MatchResultView> of(List<MatchResult> results, Locale locale) {
        Map<String, MeasurePublished> measures = catalogue.findAll(results.stream()
                .flatMap(result -> Stream.concat(Stream.of(result.measureCode()), result.excludedBy().stream()))
                .distinct().toList());
        return results.stream()
                .map(result -> MatchResultView.of(result, measures, vocabulary.words(locale), locale))
                .toList();
    }

    /**
     * Every criterion of the result, those it passed too, with the resident's values in words: what an officer
     * checks. Empty for null.
     */
    public List<MatchResultView.CriterionView> allCriteria(MatchResult result, Locale locale) {
        if (result == null) {
            return List.of();
        }
        Optional<MeasurePublished> measure = catalogue.find(result.measureCode());
        Words words = vocabulary.words(locale);
        return result.criteria().stream().map(criterion -> MatchResultView.criterion(criterion,
                measure.flatMap(m -> m.criterion(criterion.id())), words, locale)).toList();
    }

    /** Null for null: an application may hold no result from its submission. */
    public MatchResultView of(MatchResult result, Locale locale) {
        return result == null ? null : of(List.of(result), locale).get(0);
    }
}
