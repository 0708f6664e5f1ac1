package cn.qujiang.youth.policy.engine.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityFact;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.FactTerm;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.Terms;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.UnitTerm;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.ValueTerm;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fact rules read or profiles hold, every value of theirs and every unit of the catalogue is in words in both
 * languages: a new fact, enum constant or unit without texts fails here, not in front of a resident.
 */
class FactVocabularyTest {

    private static final FactVocabulary VOCABULARY = FactVocabulary.shipped();

    static Stream<Locale> languages() {
        return Stream.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyFactRulesReadOrProfilesHoldHasALabel(Locale language) {
        Map<String, FactTerm> terms = facts(language);
        Stream<String> names = Stream.of(
                Arrays.stream(EligibilityFact.values()).map(EligibilityFact::factName),
                Arrays.stream(ApplicantFacts.class.getRecordComponents()).map(RecordComponent::getName),
                Stream.of(Fact.HELD_MEASURES)).flatMap(Function.identity());

        assertThat(names).allSatisfy(name -> {
            assertThat(terms).containsKey(name);
            assertThat(terms.get(name).label()).as(name).isNotBlank().isNotEqualTo(name);
        });
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyValueOfEveryEnumFactIsInWords(Locale language) {
        Map<String, FactTerm> terms = facts(language);
        Stream<Map.Entry<String, Class<?>>> enumFacts = Stream.concat(
                Arrays.stream(EligibilityFact.values()).filter(fact -> fact.enumType().isPresent())
                        .map(fact -> Map.entry(fact.factName(), fact.enumType().get())),
                Arrays.stream(ApplicantFacts.class.getRecordComponents()).filter(field -> field.getType().isEnum())
                        .map(field -> Map.entry(field.getName(), field.getType())));

        assertThat(enumFacts).allSatisfy(fact -> {
            FactTerm term = terms.get(fact.getKey());
            assertThat(term.type()).isEqualTo(FactType.ENUM);
            List<String> constants = Arrays.stream(fact.getValue().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList();
            assertThat(term.values()).extracting(ValueTerm::value).containsExactlyElementsOf(constants);
            assertThat(term.values()).allSatisfy(value ->
                    assertThat(value.label()).as(fact.getKey() + " " + value.value()).isNotBlank()
                            .isNotEqualTo(value.value()));
        });
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyUnitOfTheSeedCatalogueHasALabelAndAnAmountPattern(Locale language) {
        Map<String, UnitTerm> units = VOCABULARY.in(language).units().stream()
                .collect(Collectors.toMap(UnitTerm::unit, Function.identity()));
        List<String> used = CatalogueSeed.load().stream().map(measure -> measure.benefit().unit()).distinct().toList();

        assertThat(used).isNotEmpty().allSatisfy(unit -> {
            assertThat(units).containsKey(unit);
            assertThat(units.get(unit).label()).as(unit).isNotBlank();
            assertThat(units.get(unit).amountPattern()).as(unit).contains(FactVocabulary.AMOUNT);
        });
    }

    @Test
    void typesFollowTheDeclarations() {
        Map<String, FactTerm> chinese = facts(Locale.CHINA);

        assertThat(chinese.get("age")).isEqualTo(new FactTerm("age", FactType.INT, "年龄", "岁", List.of()));
        assertThat(chinese.get("residesInQujiang")).isEqualTo(new FactTerm("residesInQujiang", FactType.BOOL,
                "是否居住在衢江", null, List.of(new ValueTerm("true", "是"), new ValueTerm("false", "否"))));
        assertThat(chinese.get("graduationDate").type()).isEqualTo(FactType.DATE);
        assertThat(chinese.get("startupSector").values()).contains(new ValueTerm("FILM", "影视"));
        assertThat(chinese.get(Fact.HELD_MEASURES).type()).isEqualTo(FactType.TEXT);
        assertThat(VOCABULARY.in(Locale.CHINA).units()).contains(
                new UnitTerm("CNY_PER_MONTH", "元/月", "每月 {amount} 元"));
    }

    @Test
    void englishWhenAskedForChineseOtherwise() {
        assertThat(facts(Locale.UK).get("degree").label()).isEqualTo("Highest degree");
        assertThat(facts(Locale.FRENCH).get("degree").label()).isEqualTo("最高学历");
        assertThat(facts(null).get("degree").label()).isEqualTo("最高学历");
    }

    @Test
    void aMissingOrStrayTextFailsLoadingAndIsNamed() {
        Properties english = FactVocabulary.read("en");
        english.remove("Degree.MASTER");
        english.remove("unit.NIGHT.amount");
        english.setProperty("fact.salary", "Salary");
        Properties chinese = FactVocabulary.read("zh");
        chinese.setProperty("unit.PERCENT.amount", "百分之");

        assertThatIllegalStateException().isThrownBy(() -> FactVocabulary.of(chinese, english))
                .withMessageContaining("en has no text for Degree.MASTER")
                .withMessageContaining("en has no text for unit.NIGHT.amount")
                .withMessageContaining("en has fact.salary, which no fact, value or unit declares")
                .withMessageContaining("zh amount pattern '百分之' lacks {amount}");
    }

    private static Map<String, FactTerm> facts(Locale language) {
        Terms terms = VOCABULARY.in(language);
        return terms.facts().stream().collect(Collectors.toMap(FactTerm::name, Function.identity()));
    }
}
