package cn.qujiang.youth.policy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Criterion;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Example;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleChecksTest {
    private static final List<MeasureDefinition> SEED = CatalogueSeed.load();
    private final RuleChecks checks = new RuleChecks(new EligibilityEngine());

    @Test
    void everySeedMeasureIsAValidDraftWhoseExamplesAgree() {
        assertThat(SEED).hasSize(40);
        for (MeasureDefinition measure : SEED) {
            assertThat(checks.checkDraft(measure).version()).isZero();
            assertThat(checks.mismatches(measure)).as(measure.code()).isEmpty();
        }
    }

    @Test
    void aCriterionThatDoesNotCompileIsNamedWithCelsMessage() {
        MeasureDefinition broken = withCriteria(SEED.get(0),
                new Criterion("age", "applicant.shoeSize > 40", SEED.get(0).criteria().get(0).label(), null));

        assertThatThrownBy(() -> checks.checkDraft(broken))
                .isInstanceOfSatisfying(RuleChecks.RuleDoesNotCompileException.class, e -> {
                    assertThat(e.criterionId()).isEqualTo("age");
                    assertThat(e.celMessage()).contains("shoeSize");
                });
    }

    @Test
    void anIncompleteMeasureIsRefusedWithEveryReason() {
        MeasureDefinition station = SEED.get(0);
        MeasureDefinition incomplete = new MeasureDefinition("qjy 1", 0, null, station.summary(), "SPORTS",
                station.department(), "MAYBE", station.window(), null, List.of("QJY|2"), 1,
                new MeasureDefinition.Benefit("cash", "CNY", "7", null, null), null, List.of(), List.of(),
                List.of(station.examples().get(0)));

        assertThatThrownBy(() -> checks.checkDraft(incomplete))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_MEASURE");
                    assertThat(e.reasons()).containsExactlyInAnyOrder("CODE_FORMAT", "TITLE_REQUIRED",
                            "CATEGORY_UNKNOWN", "MODE_UNKNOWN", "BENEFIT_REQUIRED", "CRITERIA_REQUIRED",
                            "EXAMPLES_REQUIRED", "EXCLUDES_FORMAT");
                });
    }

    @Test
    void numbersOutOfRangeAndExamplesTheRulesCouldNeverReadAreRefusedBeforeStoring() {
        MeasureDefinition station = SEED.get(0);
        Example good = station.examples().get(0);
        List<Example> examples = List.of(
                new Example("dollar key", Map.of("$where", 1), "ELIGIBLE", null),
                new Example("dotted key", Map.of("age.years", 30), "ELIGIBLE", null),
                new Example("age as text", Map.of("age", "thirty"), "ELIGIBLE", null),
                new Example("operator object", Map.of("age", Map.of("$gt", 1)), "ELIGIBLE", null),
                new Example("unknown outcome", good.applicant(), "MAYBE", null),
                new Example("negative amount", good.applicant(), "ELIGIBLE", -7L));
        MeasureDefinition odd = new MeasureDefinition(station.code(), 0, station.title(), station.summary(),
                station.category(), station.department(), station.mode(), station.window(), -5,
                station.excludes(), -1, station.benefit(), station.grant(), station.criteria(), station.documents(),
                examples);

        assertThatThrownBy(() -> checks.checkDraft(odd))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reasons()).containsExactlyInAnyOrder(
                        "QUOTA_RANGE", "RESPONSE_DAYS_RANGE", "EXAMPLE_EXPECT_UNKNOWN", "EXAMPLE_FACTS_INVALID",
                        "EXAMPLE_AMOUNT_RANGE"));
    }

    @Test
    void aMonthlyGrantWithoutMonthsIsRefusedWithTheFieldToCorrect() {
        MeasureDefinition station = SEED.get(0);
        MeasureDefinition monthly = new MeasureDefinition(station.code(), 0, station.title(), station.summary(),
                station.category(), station.department(), station.mode(), station.window(), station.quota(),
                station.excludes(), station.responseWorkingDays(), station.benefit(),
                new MeasureDefinition.Grant("MONTHS", null), station.criteria(), station.documents(),
                station.examples());

        assertThatThrownBy(() -> checks.checkDraft(monthly))
                .isInstanceOfSatisfying(RuleChecks.InvalidMeasureException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_MEASURE");
                    assertThat(e.reasons()).containsExactly("GRANT_MONTHS_REQUIRED");
                    assertThat(e.fields()).extracting(field -> field.field()).containsExactly("benefit.months");
                });
    }

    @Test
    void aCriterionIdThatWouldBreakTheStoredResultLineIsRefused() {
        MeasureDefinition station = SEED.get(0);
        MeasureDefinition odd = withCriteria(station, new Criterion("age|x", "applicant.age >= 18",
                station.criteria().get(0).label(), null));

        assertThatThrownBy(() -> checks.checkDraft(odd)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.reasons()).containsExactly("CRITERION_ID_FORMAT"));
    }

    @Test
    void aVersionWhoseExampleDisagreesCannotBePublished() {
        MeasureDefinition station = SEED.get(0);
        List<Example> examples = new ArrayList<>(station.examples());
        examples.add(new Example("claimed eligible at 50", Map.of("age", 50, "firstTimeInQujiang", true,
                "employmentStatus", "JOB_SEEKING"), "ELIGIBLE", null));
        MeasureDefinition wrong = new MeasureDefinition(station.code(), 2, station.title(), station.summary(),
                station.category(), station.department(), station.mode(), station.window(), station.quota(),
                station.excludes(), station.responseWorkingDays(), station.benefit(), station.grant(),
                station.criteria(), station.documents(), examples);

        assertThatThrownBy(() -> checks.checkExamples(wrong))
                .isInstanceOfSatisfying(RuleChecks.ExamplesDisagreeException.class, e -> assertThat(e.mismatches())
                        .singleElement().satisfies(m -> assertThat(m.example()).isEqualTo("claimed eligible at 50")));
    }

    @Test
    void theCheckWithoutSavingNamesEveryBrokenRuleAndRunsTheExamplesOnceTheRulesCompile() {
        MeasureDefinition station = SEED.get(0);
        Criterion age = station.criteria().get(0);
        Criterion origin = station.criteria().get(1);
        MeasureDefinition broken = withCriteria(station, new Criterion(age.id(), "applicant.age >=", age.label(), null),
                new Criterion(origin.id(), "applicant.hukou == 'MARS'", origin.label(), null));

        RuleChecks.Check check = checks.check(broken);

        assertThat(check.savable()).isFalse();
        assertThat(check.rules()).extracting(e -> e.criterionId()).containsExactly("age", "from-outside");
        assertThat(check.rules().get(1).celMessage()).contains("MARS");
        assertThat(check.examples()).isEmpty();
        assertThat(check.examplesAgree()).isFalse();

        RuleChecks.Check fixed = checks.check(withCriteria(station,
                new Criterion(age.id(), "applicant.age >= 18 && applicant.age <= 30", age.label(), null),
                origin, station.criteria().get(2)));

        assertThat(fixed.savable()).isTrue();
        assertThat(fixed.examples()).hasSameSizeAs(station.examples());
        assertThat(fixed.examplesAgree()).isTrue();
        assertThat(fixed.examples().get(0).actual().outcome().name()).isEqualTo("ELIGIBLE");
    }

    @Test
    void theCheckRunsEveryExampleAndSaysWhichDisagree() {
        MeasureDefinition station = SEED.get(0);
        Criterion age = station.criteria().get(0);
        MeasureDefinition stricter = withCriteria(station,
                new Criterion(age.id(), "applicant.age >= 18 && applicant.age <= 23", age.label(), null),
                station.criteria().get(1), station.criteria().get(2));

        RuleChecks.Check check = checks.check(stricter);

        assertThat(check.savable()).isTrue();
        assertThat(check.examplesAgree()).isFalse();
        assertThat(check.examples()).filteredOn(run -> !run.agrees())
                .extracting(run -> run.example().name()).containsExactly("外省毕业生");
        assertThat(check.reasons()).isEmpty();
    }

    @Test
    void aDraftWithPastedDocumentsForTextsOrRunawayListsIsRefusedWithTheLimitsItBreaks() {
        MeasureDefinition station = SEED.get(0);
        String essay = "很长的说明".repeat(300);
        Criterion wordy = new Criterion("age", "applicant.age >= 18 && " + "applicant.age < 99 && ".repeat(120) + "true",
                LocalizedText.of(essay, "Age"), null);
        List<Criterion> criteria = new ArrayList<>(List.of(wordy));
        for (int i = 0; i < 30; i++) {
            criteria.add(new Criterion("c" + i, "true", LocalizedText.of("条件" + i, "Criterion " + i), null));
        }
        MeasureDefinition runaway = new MeasureDefinition(station.code(), 0, station.title(), station.summary(),
                station.category(), station.department(), station.mode(), station.window(), station.quota(),
                station.excludes(), station.responseWorkingDays(), station.benefit(), station.grant(), criteria,
                station.documents(), station.examples());

        assertThatThrownBy(() -> checks.checkDraft(runaway))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reasons())
                        .containsExactlyInAnyOrder("TEXT_TOO_LONG", "RULE_TOO_LONG", "TOO_MANY_CRITERIA"));
    }

    @Test
    void aMissingCategoryOrExpectedOutcomeIsAReasonNotAFailure() {
        MeasureDefinition station = SEED.get(0);
        MeasureDefinition gaps = new MeasureDefinition(station.code(), 0, station.title(), station.summary(), null,
                station.department(), station.mode(), station.window(), station.quota(), station.excludes(),
                station.responseWorkingDays(), station.benefit(), station.grant(), station.criteria(),
                station.documents(), List.of(new Example("no outcome", station.examples().get(0).applicant(), null,
                        null), station.examples().get(1)));

        assertThat(RuleChecks.incompleteness(gaps)).contains("CATEGORY_UNKNOWN", "EXAMPLE_EXPECT_UNKNOWN");
    }

    private static MeasureDefinition withCriteria(MeasureDefinition m, Criterion... criteria) {
        return new MeasureDefinition(m.code(), m.version(), m.title(), m.summary(), m.category(), m.department(),
                m.mode(), m.window(), m.quota(), m.excludes(), m.responseWorkingDays(), m.benefit(), m.grant(),
                List.of(criteria), m.documents(), m.examples());
    }
}
