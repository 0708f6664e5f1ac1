package cn.qujiang.youth.policy.vocabulary;

import cn.qujiang.youth.policy.engine.vocabulary.FactType;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.FactTerm;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.Terms;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The vocabulary as the API serves it. */
final class VocabularyViews {

    private VocabularyViews() {
    }

    @Schema(description = "Every fact the engine knows and every benefit unit, in the requested language.")
    record Vocabulary(List<FactView> facts, List<UnitView> units) {
    }

    @Schema(description = "A fact by the name it has in criterion `values`, `missingFacts` and profiles. ENUM and "
            + "BOOL values are shown by their labels; an INT value as the number followed by `unit` (null when "
            + "it is just a number); DATE values are ISO dates; TEXT values as they are.")
    record FactView(
            @Schema(example = "degree") String name,
            @Schema(example = "ENUM") FactType type,
            @Schema(example = "最高学历") String label,
            @Schema(example = "岁", nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String unit,
            List<ValueView> values) {
    }

    @Schema(description = "A value as text (an enum constant, `true` or `false`) and its label.")
    record ValueView(@Schema(example = "BACHELOR") String value, @Schema(example = "本科") String label) {
    }

    @Schema(description = "A benefit unit (a result's or measure's `unit`); the client replaces `{amount}` in "
            + "`amountPattern` with the formatted number.")
    record UnitView(
            @Schema(example = "CNY_PER_MONTH") String unit,
            @Schema(example = "元/月") String label,
            @Schema(example = "每月 {amount} 元") String amountPattern) {
    }

    static Vocabulary of(Terms terms) {
        return new Vocabulary(
                terms.facts().stream().map(VocabularyViews::of).toList(),
                terms.units().stream().map(unit -> new UnitView(unit.unit(), unit.label(), unit.amountPattern()))
                        .toList());
    }

    private static FactView of(FactTerm fact) {
        return new FactView(fact.name(), fact.type(), fact.label(), fact.unit(),
                fact.values().stream().map(value -> new ValueView(value.value(), value.label())).toList());
    }
}
