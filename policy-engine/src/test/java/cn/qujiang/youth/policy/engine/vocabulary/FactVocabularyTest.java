package cn.qujiang.youth.policy.engine.vocabulary;

import java.time.LocalDate;

import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;

import cn.qujiang.youth.contracts.ApplicantFacts.Degree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
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
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The values rules of the seed compare enum facts with ({@code applicant.degree in ['MASTER', 'DOCTOR']}) are
     * the ones residents see in their results: each is a value of a fact the rule reads, with a label.
     */
    @ParameterizedTest
    @MethodSource("languages")
    void everyEnumValueTheSeedCatalogueNamesIsInWords(Locale language) {
        Map<String, FactTerm> terms = facts(language);
        Pattern factReference = Pattern.compile("applicant\\.(\\w+)");
        Pattern literal = Pattern.compile("'([^']*)'");
        List<String> expressions = CatalogueSeed.load().stream().flatMap(measure -> Stream.concat(
                measure.criteria().stream().map(MeasureDefinition.Criterion::expr),
                Stream.of(measure.benefit().amount()))).toList();
        int named = 0;

        for (String expression : expressions) {
            Set<String> enumFacts = factReference.matcher(expression).results().map(match -> match.group(1))
                    .filter(name -> terms.get(name).type() == FactType.ENUM).collect(Collectors.toSet());
            Matcher values = literal.matcher(expression);
            while (values.find()) {
                String value = values.group(1);
                assertThat(enumFacts).as(expression).anySatisfy(fact -> assertThat(terms.get(fact).values())
                        .anySatisfy(term -> {
                            assertThat(term.value()).isEqualTo(value);
                            assertThat(term.label()).isNotBlank().isNotEqualTo(value);
                        }));
                named++;
            }
        }
        assertThat(named).as("enum values named by the seed's rules").isGreaterThan(10);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyAmountOfTheSeedCatalogueReadsInWordsWithoutItsUnitCode(Locale language) {
        Words words = VOCABULARY.words(language);

        List<String> used = CatalogueSeed.load().stream().map(measure -> measure.benefit().unit()).distinct().toList();

        assertThat(used).allSatisfy(unit -> {
            assertThat(words.amount(unit, 30)).as(unit).doesNotContain(unit).isNotEqualTo("30");
            assertThat(words.unit(unit)).as(unit).isNotEqualTo(unit);
        });
    }

    @Test
    void valuesUnitsAndAmountsReadAsResidentsSayThem() {
        Words chinese = VOCABULARY.words(Locale.SIMPLIFIED_CHINESE);
        Words english = VOCABULARY.words(Locale.ENGLISH);

        assertThat(chinese.fact("degree")).isEqualTo("已取得的最高学历");
        assertThat(chinese.value("degree", "BACHELOR")).isEqualTo("本科");
        assertThat(chinese.value("residesInQujiang", false)).isEqualTo("否");
        assertThat(chinese.value("residesInQujiang", "true")).isEqualTo("是");
        assertThat(chinese.value("age", 27)).isEqualTo("27 岁");
        assertThat(chinese.value("socialInsuranceMonthsInQujiang", "1200")).isEqualTo("1,200 个月");
        assertThat(english.value("age", 27L)).isEqualTo("27 years");
        assertThat(english.value("graduationDate", "2025-06-30")).isEqualTo("June 30, 2025");
        assertThat(chinese.value("otherDegrees", List.of(new Graduation(Degree.BACHELOR, LocalDate.of(2024, 6, 30)),
                new Graduation(Degree.JUNIOR_COLLEGE, null)))).isEqualTo("本科（2024年6月30日）、大专");
        assertThat(english.value("otherDegrees", List.of(Map.of("degree", "MASTER", "date", "2027-06-30"))))
                .isEqualTo("Master's degree (June 30, 2027)");
        assertThat(chinese.value("studyingFor", "NONE")).isEqualTo("无");
        assertThat(chinese.value("monthsToGraduation", 7)).isEqualTo("7 个月");
        assertThat(chinese.value("heldMeasures", "QJY-01")).isEqualTo("QJY-01");
        assertThat(chinese.unit("CNY_PER_MONTH")).isEqualTo("元/月");
        assertThat(chinese.amount("CNY_PER_MONTH", 1000)).isEqualTo("每月 1,000 元");
        assertThat(english.amount("NIGHT", 7)).isEqualTo("7 night(s)");
    }

    @Test
    void aPercentIsTheShareTakenOffAPrice() {
        Words chinese = VOCABULARY.words(Locale.SIMPLIFIED_CHINESE);
        Words english = VOCABULARY.words(Locale.ENGLISH);

        assertThat(chinese.amount("PERCENT", 50)).isEqualTo("5 折优惠");
        assertThat(chinese.amount("PERCENT", 25)).isEqualTo("7.5 折优惠");
        assertThat(chinese.amount("PERCENT", 100)).isEqualTo("免费");
        assertThat(english.amount("PERCENT", 30)).isEqualTo("30% off");
        assertThat(english.amount("PERCENT", 100)).isEqualTo("Free");
    }

    @Test
    void whatTheVocabularyDoesNotKnowIsShownAsItCame() {
        Words chinese = VOCABULARY.words(Locale.SIMPLIFIED_CHINESE);

        assertThat(chinese.fact("salary")).isEqualTo("salary");
        assertThat(chinese.value("degree", "BACHLOR")).isEqualTo("BACHLOR");
        assertThat(chinese.value("age", null)).isNull();
        assertThat(chinese.amount("HOUR", 3000)).isEqualTo("3,000");
        assertThat(chinese.amount(null, 3000)).isEqualTo("3,000");
    }

    @Test
    void typesFollowTheDeclarations() {
        Map<String, FactTerm> chinese = facts(Locale.CHINA);

        assertThat(chinese.get("age")).isEqualTo(new FactTerm("age", FactType.INT, "年龄", "岁", List.of()));
        assertThat(chinese.get("residesInQujiang")).isEqualTo(new FactTerm("residesInQujiang", FactType.BOOL,
                "是否居住在衢江", null, List.of(new ValueTerm("true", "是"), new ValueTerm("false", "否"))));
        assertThat(chinese.get("graduationDate").type()).isEqualTo(FactType.DATE);
        assertThat(chinese.get("childrenBirthDates").type()).isEqualTo(FactType.DATES);
        assertThat(chinese.get("otherDegrees").type()).isEqualTo(FactType.GRADUATIONS);
        assertThat(chinese.get("startupSector").values()).contains(new ValueTerm("FILM", "影视"));
        assertThat(chinese.get(Fact.HELD_MEASURES).type()).isEqualTo(FactType.TEXT);
        assertThat(VOCABULARY.in(Locale.CHINA).units()).contains(
                new UnitTerm("CNY_PER_MONTH", "元/月", "每月 {amount} 元"));
    }

    @Test
    void englishWhenAskedForChineseOtherwise() {
        assertThat(facts(Locale.UK).get("degree").label()).isEqualTo("Highest degree held");
        assertThat(facts(Locale.FRENCH).get("degree").label()).isEqualTo("已取得的最高学历");
        assertThat(facts(null).get("degree").label()).isEqualTo("已取得的最高学历");
    }

    @Test
    void aMissingOrStrayTextFailsLoadingAndIsNamed() {
        Properties english = FactVocabulary.read("en");
        english.remove("Degree.MASTER");
        english.remove("unit.NIGHT.amount");
        english.setProperty("fact.salary", "Salary");
        english.remove("discount.free");
        Properties chinese = FactVocabulary.read("zh");
        chinese.setProperty("unit.PERCENT.amount", "百分之");
        chinese.setProperty("discount.rate", "打折");

        assertThatIllegalStateException().isThrownBy(() -> FactVocabulary.of(chinese, english))
                .withMessageContaining("en has no text for Degree.MASTER")
                .withMessageContaining("en has no text for unit.NIGHT.amount")
                .withMessageContaining("en has fact.salary, which no fact, value or unit declares")
                .withMessageContaining("zh amount pattern '百分之' lacks {amount}")
                .withMessageContaining("en has no text for discount.free")
                .withMessageContaining("zh discount '打折' lacks {rate} or {percent}");
    }

    private static Map<String, FactTerm> facts(Locale language) {
        Terms terms = VOCABULARY.in(language);
        return terms.facts().stream().collect(Collectors.toMap(FactTerm::name, Function.identity()));
    }
}
