package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * One measure's match result in the reader's language: what was decided, what it is worth, which criteria failed
 * and how to fix them, which facts are missing. Shared by the applicant's matches and the officers' review.
 */
public record MatchResultView(
        String measureCode,
        int measureVersion,
        String title,
        Outcome outcome,
        Long amount,
        String unit,
        String unitLabel,
        String benefitKind,
        boolean nearMiss,
        List<CriterionView> failedCriteria,
        List<FactView> missingFacts,
        List<ExclusionView> excludedBy) {

    public record CriterionView(String id, CriterionStatus status, String label, String hint, Map<String, String> values) {
    }

    public record FactView(String fact, String label) {
    }

    public record ExclusionView(String measureCode, String title) {
    }

    /**
     * @param titles the title of a measure code (for exclusions), or null when the replica does not know it
     */
    public static MatchResultView of(MatchResult result, Locale locale, MessageSource messages,
            Function<String, LocalizedText> titles) {
        return new MatchResultView(result.measureCode(), result.measureVersion(), text(result.title(), locale),
                result.outcome(), result.amount(), result.unit(),
                result.unit() == null ? null : messages.getMessage("unit." + result.unit(), null, result.unit(), locale),
                result.benefitKind(), result.nearMiss(),
                result.criteria().stream().filter(c -> c.status() != CriterionStatus.PASSED)
                        .map(c -> new CriterionView(c.id(), c.status(), text(c.label(), locale), text(c.hint(), locale),
                                c.values()))
                        .toList(),
                result.missingFacts().stream()
                        .map(fact -> new FactView(fact, messages.getMessage("fact." + fact, null, fact, locale)))
                        .toList(),
                result.excludedBy().stream()
                        .map(code -> new ExclusionView(code, text(titles.apply(code), locale)))
                        .toList());
    }

    private static String text(LocalizedText text, Locale locale) {
        return text == null ? null : text.in(locale);
    }
}
