package cn.qujiang.youth.policy.engine.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.GrantTerm.Term;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Example;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The shipped sample catalogue is complete and consistent; its rules are checked by the eligibility tests. */
class CatalogueSeedTest {

    private static final List<MeasureDefinition> CATALOGUE = CatalogueSeed.load();
    private static final Map<String, MeasureDefinition> BY_CODE = CATALOGUE.stream()
            .collect(Collectors.toMap(MeasureDefinition::code, Function.identity()));

    @Test
    void holdsTheFortyMeasuresInOrder() {
        List<String> expected = IntStream.rangeClosed(1, 40).mapToObj(n -> String.format("QJY-%02d", n)).toList();

        assertThat(CATALOGUE).extracting(MeasureDefinition::code).containsExactlyElementsOf(expected);
        assertThat(CATALOGUE).allSatisfy(measure -> assertThat(measure.version()).isZero());
    }

    @Test
    void coversEveryCategory() {
        assertThat(CATALOGUE).extracting(MeasureDefinition::category).containsOnly(
                "EMPLOYMENT", "ENTREPRENEURSHIP", "HOUSING", "LIVING", "GROWTH", "LEISURE")
                .contains("EMPLOYMENT", "ENTREPRENEURSHIP", "HOUSING", "LIVING", "GROWTH", "LEISURE");
    }

    @Test
    void exclusionsNameExistingMeasuresBothWays() {
        assertThat(CATALOGUE).filteredOn(measure -> !measure.excludes().isEmpty()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(CATALOGUE).flatExtracting(MeasureDefinition::excludes).allSatisfy(
                excluded -> assertThat(BY_CODE).containsKey(excluded));
        assertThat(Exclusions.oneSided(CATALOGUE)).as("exclusions written on one side only").isEmpty();
    }

    @Test
    void aOneSidedExclusionIsFoundFromEitherSide() {
        MeasureDefinition rent = BY_CODE.get("QJY-17");
        List<MeasureDefinition> forgetful = CATALOGUE.stream()
                .map(measure -> measure == rent ? withExcludes(rent, List.of()) : measure).toList();

        assertThat(Exclusions.oneSided(forgetful)).containsExactly(new Exclusions.OneSided("QJY-16", "QJY-17"));
        assertThat(Exclusions.oneSidedInvolving("QJY-17", forgetful)).hasSize(1);
        assertThat(Exclusions.oneSidedInvolving("QJY-03", forgetful)).isEmpty();
        assertThat(Exclusions.oneSided(List.of(withExcludes(rent, List.of("QJY-99")))))
                .as("a measure that is not in the catalogue excludes nothing back")
                .containsExactly(new Exclusions.OneSided("QJY-17", "QJY-99"));
    }

    @Test
    void everyTextIsBilingualChineseInZhAndEnglishInEn() {
        for (MeasureDefinition measure : CATALOGUE) {
            Stream<LocalizedText> texts = Stream.of(
                    Stream.of(measure.title(), measure.summary(), measure.department()),
                    Stream.ofNullable(measure.benefit().note()),
                    Stream.ofNullable(measure.grantTerm().batch()).map(GrantTerm.Batch::name),
                    measure.criteria().stream().flatMap(criterion -> Stream.of(criterion.label(), criterion.hint())),
                    measure.documents().stream()).flatMap(Function.identity());
            assertThat(texts).as(measure.code()).allSatisfy(text -> {
                assertThat(text).isNotNull();
                assertThat(text.zh()).as("zh").matches(CHINESE);
                assertThat(text.en()).as("en").matches(ENGLISH);
            });
        }
    }

    @Test
    void everyWorkedExampleIsNamedInChineseForTheOfficersWhoReadIt() {
        assertThat(CATALOGUE).flatExtracting(MeasureDefinition::examples).hasSizeGreaterThan(100)
                .allSatisfy(example -> assertThat(example.name()).matches(CHINESE));
    }

    /** Some Chinese, and Latin letters only alongside it (e.g. 18至35周岁, B类人才). */
    private static final String CHINESE = "(?s).*\\p{IsHan}.*";
    /** English words and no Chinese. */
    private static final String ENGLISH = "(?s)(?=.*\\p{IsLatin})[^\\p{IsHan}]*";

    @Test
    void benefitsUseTheSharedVocabulary() {
        assertThat(CATALOGUE).allSatisfy(measure -> {
            assertThat(measure.mode()).isIn("APPLY", "AUTO_GRANT");
            assertThat(measure.responseWorkingDays()).isIn(1, 3, 5, 15);
            assertThat(measure.benefit().kind()).isIn("ONE_OFF_CASH", "MONTHLY_CASH", "LOAN", "IN_KIND", "DISCOUNT",
                    "SERVICE");
            assertThat(measure.benefit().unit()).isIn("CNY", "CNY_PER_MONTH", "NIGHT", "PLACE", "PERCENT", "SESSION");
            assertThat(measure.benefit().months() != null).as(measure.code() + " months")
                    .isEqualTo(measure.grantTerm().term() == Term.MONTHS);
            if (measure.benefit().kind().equals("MONTHLY_CASH")) {
                assertThat(measure.grantTerm().term()).as(measure.code() + " paid monthly").isEqualTo(Term.MONTHS);
            }
            assertThat(measure.criteria()).as(measure.code()).isNotEmpty();
        });
        assertThat(CATALOGUE).extracting(measure -> measure.benefit().kind()).contains("ONE_OFF_CASH",
                "MONTHLY_CASH", "LOAN", "IN_KIND", "DISCOUNT", "SERVICE");
        assertThat(CATALOGUE).filteredOn(measure -> measure.mode().equals("AUTO_GRANT")).hasSizeBetween(3, 5);
        assertThat(CATALOGUE).filteredOn(measure -> measure.quota() != null).isNotEmpty();
    }

    @Test
    void activeMeasuresStayOpenThroughTwentyTwentyEightAndOnePastRoundHasClosed() {
        LocalDate endOf2028 = LocalDate.of(2028, 12, 31);
        LocalDate today = LocalDate.of(2026, 1, 1);
        List<MeasureDefinition> closed = CATALOGUE.stream().filter(measure -> !measure.window().contains(today)
                && measure.window().closes() != null && measure.window().closes().isBefore(today)).toList();

        assertThat(closed).singleElement().satisfies(pastRound -> {
            assertThat(pastRound.title().zh()).contains("往期");
            assertThat(pastRound.title().en()).containsIgnoringCase("past round");
        });
        assertThat(CATALOGUE).filteredOn(measure -> !closed.contains(measure))
                .filteredOn(measure -> measure.grantTerm().term() != Term.BATCH)
                .allSatisfy(measure -> assertThat(measure.window().contains(endOf2028)).as(measure.code()).isTrue());
    }

    @Test
    void everyMeasureStatesAGrantTermAndEachKindOfTermIsShown() {
        assertThat(CATALOGUE).allSatisfy(measure -> {
            assertThat(measure.grant()).as(measure.code()).isNotNull();
            assertThat(GrantCheck.problems(measure)).as(measure.code()).isEmpty();
        });
        assertThat(CATALOGUE).extracting(measure -> measure.grantTerm().term()).contains(Term.values());
        assertThat(CATALOGUE).filteredOn(measure -> measure.quota() != null)
                .extracting(measure -> measure.grantTerm().term())
                .as("quotas that count overall, per year and per batch").contains(Term.MONTHS, Term.CALENDAR_YEAR,
                        Term.BATCH);
    }

    @Test
    void aBatchIsAppliedForUntilItsWindowClosesAndHeldUntilItEnds() {
        MeasureDefinition nightSchool = BY_CODE.get("QJY-39");

        GrantTerm term = nightSchool.grantTerm();

        assertThat(term.batch().id()).isEqualTo("2027-SPRING");
        assertThat(term.batch().name().zh()).isEqualTo("2027年春季");
        assertThat(nightSchool.window().closes()).isBefore(term.batch().ends());
    }

    @Test
    void draftsWithAnIncompleteTermAreToldWhichFieldToCorrect() {
        MeasureDefinition rent = BY_CODE.get("QJY-17");
        MeasureDefinition.Benefit noMonths = new MeasureDefinition.Benefit(rent.benefit().kind(),
                rent.benefit().unit(), rent.benefit().amount(), 0, rent.benefit().note());
        MeasureDefinition.Batch nameless = new MeasureDefinition.Batch("2026 春", null, LocalDate.of(2026, 6, 30));

        assertThat(GrantCheck.problems(withGrant(rent, noMonths, new MeasureDefinition.Grant("MONTHS", null))))
                .containsExactly(new GrantCheck.Problem("benefit.months", "GRANT_MONTHS_REQUIRED"));
        assertThat(GrantCheck.problems(withGrant(rent, rent.benefit(), new MeasureDefinition.Grant("YEARLY", null))))
                .containsExactly(new GrantCheck.Problem("grant.term", "GRANT_TERM_UNKNOWN"));
        assertThat(GrantCheck.problems(withGrant(rent, rent.benefit(), new MeasureDefinition.Grant("BATCH", null))))
                .containsExactly(new GrantCheck.Problem("grant.batch", "GRANT_BATCH_REQUIRED"));
        assertThat(GrantCheck.problems(withGrant(rent, rent.benefit(), new MeasureDefinition.Grant("BATCH", nameless))))
                .containsExactly(new GrantCheck.Problem("grant.batch.id", "GRANT_BATCH_ID_FORMAT"),
                        new GrantCheck.Problem("grant.batch.name", "GRANT_BATCH_NAME_REQUIRED"),
                        new GrantCheck.Problem("window.closes", "GRANT_BATCH_WINDOW"));
        assertThat(GrantCheck.problems(withGrant(rent, rent.benefit(),
                new MeasureDefinition.Grant("ONE_OFF", nameless))))
                .containsExactly(new GrantCheck.Problem("grant.batch", "GRANT_BATCH_NOT_EXPECTED"));
    }

    @Test
    void aMeasureWithoutATermIsHeldForGood() {
        MeasureDefinition station = CATALOGUE.get(0);

        assertThat(withGrant(station, station.benefit(), null).grantTerm()).isEqualTo(GrantTerm.ONE_OFF);
        assertThat(GrantCheck.problems(withGrant(station, station.benefit(), null))).isEmpty();
    }

    private static MeasureDefinition withGrant(MeasureDefinition m, MeasureDefinition.Benefit benefit,
            MeasureDefinition.Grant grant) {
        return new MeasureDefinition(m.code(), m.version(), m.title(), m.summary(), m.category(), m.department(),
                m.mode(), m.window(), m.quota(), m.excludes(), m.responseWorkingDays(), benefit, grant, m.criteria(),
                m.documents(), m.examples());
    }

    @Test
    void noWindowOpensOrEndsBeforeTheFortyMeasuresWereIssued() {
        LocalDate issued = LocalDate.of(2023, 8, 1);
        assertThat(CATALOGUE).allSatisfy(measure -> {
            assertThat(measure.window().opens()).as(measure.code()).isNotNull().isAfterOrEqualTo(issued);
            if (measure.window().closes() != null) {
                assertThat(measure.window().closes()).as(measure.code()).isAfter(measure.window().opens());
            }
        });
    }

    @Test
    void everyMeasureHasAnEligibleAndAnIneligibleExample() {
        assertThat(CATALOGUE).allSatisfy(measure -> assertThat(measure.examples())
                .as(measure.code()).extracting(Example::expect).contains("ELIGIBLE", "INELIGIBLE"));
        assertThat(CATALOGUE).flatExtracting(MeasureDefinition::examples).extracting(Example::expect)
                .contains("NEEDS_INFO");
        assertThat(CATALOGUE).allSatisfy(measure -> assertThat(measure.examples()).extracting(Example::name)
                .as(measure.code()).doesNotHaveDuplicates());
    }

    @Test
    void survivesJsonAndYamlRoundTrips() {
        JsonMapper json = JsonMapper.builder().build();
        YAMLMapper yaml = YAMLMapper.builder().build();
        for (MeasureDefinition measure : CATALOGUE) {
            assertThat(json.readValue(json.writeValueAsString(measure), MeasureDefinition.class)).isEqualTo(measure);
            assertThat(yaml.readValue(yaml.writeValueAsString(measure), MeasureDefinition.class)).isEqualTo(measure);
        }
        assertThat(json.writeValueAsString(BY_CODE.get("QJY-01"))).contains("\"opens\":\"2024-01-01\"");
    }

    @Test
    void talentApartmentsAreAsManyAsTheFlatsAnnounced() {
        assertThat(BY_CODE.get("QJY-16").quota()).isEqualTo(1200);
    }

    @Test
    void youthStationMatchesThePublishedMeasure() {
        MeasureDefinition station = BY_CODE.get("QJY-01");

        assertThat(station.title().zh()).isEqualTo("青年驿站免费住宿");
        assertThat(station.benefit().unit()).isEqualTo("NIGHT");
        assertThat(station.benefit().amount()).isEqualTo("7");
        assertThat(station.criteria()).extracting(MeasureDefinition.Criterion::id)
                .containsExactly("age", "from-outside", "first-job-search");
        assertThat(station.criteria().get(0).expr()).isEqualTo("applicant.age >= 18 && applicant.age <= 35");
        assertThat(Set.copyOf(station.excludes())).isEmpty();
    }

    private static MeasureDefinition withExcludes(MeasureDefinition m, List<String> excludes) {
        return new MeasureDefinition(m.code(), m.version(), m.title(), m.summary(), m.category(), m.department(),
                m.mode(), m.window(), m.quota(), excludes, m.responseWorkingDays(), m.benefit(), m.grant(),
                m.criteria(), m.documents(), m.examples());
    }
}
