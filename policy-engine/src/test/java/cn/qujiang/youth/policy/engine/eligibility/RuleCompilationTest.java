package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.criterion;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.measure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Window;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCompilationTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    @Test
    void syntaxErrorNamesTheCriterion() {
        RuleCompilationException error = compileFailure(measure("7",
                criterion("age", "applicant.age >= 18"), criterion("broken", "applicant.age >=")));

        assertThat(error.criterionId()).isEqualTo("broken");
        assertThat(error.measureCode()).isEqualTo("T-01");
        assertThat(error.celMessage()).contains("mismatched input '<EOF>'");
        assertThat(error.getMessage()).startsWith("measure T-01, rule 'broken': ");
    }

    @Test
    void problemsListsEveryBrokenRuleNotOnlyTheFirst() {
        MeasureDefinition measure = measure("'seven'", criterion("age", "applicant.age >="),
                criterion("degree", "applicant.degree == 'BACHELOR'"), criterion("salary", "applicant.salary > 1"));

        assertThat(engine.problems(measure)).extracting(RuleCompilationException::criterionId)
                .containsExactly("age", "salary", "benefit.amount");
        assertThat(engine.problems(measure("7", criterion("age", "applicant.age >= 18")))).isEmpty();
    }

    @Test
    void unknownFactFailsTypeChecking() {
        RuleCompilationException error = compileFailure(measure("7",
                criterion("salary", "applicant.salary > 3000")));

        assertThat(error.criterionId()).isEqualTo("salary");
        assertThat(error.celMessage()).contains("undeclared reference").contains("unknown fact applicant.salary");
    }

    @Test
    void criterionMustBeBool() {
        RuleCompilationException error = compileFailure(measure("7", criterion("age", "applicant.age + 1")));

        assertThat(error.criterionId()).isEqualTo("age");
        assertThat(error.celMessage()).isEqualTo("the expression must be of type bool but is int");
    }

    @Test
    void amountMustBeInt() {
        RuleCompilationException text = compileFailure(measure("'seven'", criterion("age", "applicant.age > 1")));
        RuleCompilationException missing = compileFailure(measure(" ", criterion("age", "applicant.age > 1")));

        assertThat(text.criterionId()).isEqualTo(EligibilityEngine.AMOUNT_RULE_ID).isEqualTo("benefit.amount");
        assertThat(text.celMessage()).isEqualTo("the expression must be of type int but is string");
        assertThat(missing.criterionId()).isEqualTo("benefit.amount");
        assertThat(missing.celMessage()).isEqualTo("the expression is missing");
    }

    @Test
    void valueAnEnumFactCanNeverHoldIsAnError() {
        RuleCompilationException equality = compileFailure(measure("7",
                criterion("degree", "'BACHLOR' == applicant.degree")));
        RuleCompilationException membership = compileFailure(measure("7",
                criterion("local", "applicant.hukou in ['QUJIANG', 'HANGZHOU']")));

        assertThat(equality.celMessage()).startsWith("'BACHLOR' is not a value of applicant.degree");
        assertThat(membership.celMessage()).startsWith("'HANGZHOU' is not a value of applicant.hukou");
    }

    @Test
    void criterionIdsMustBeUnique() {
        RuleCompilationException error = compileFailure(measure("7",
                criterion("age", "applicant.age > 1"), criterion("age", "applicant.age < 40")));

        assertThat(error.criterionId()).isEqualTo("age");
    }

    @Test
    void windowMustNotCloseBeforeItOpens() {
        Window backwards = new Window(LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1));

        RuleCompilationException error = compileFailure(TestMeasures.measure(backwards, List.of(), "7",
                List.of(criterion("age", "applicant.age > 1")), List.of()));

        assertThat(error.criterionId()).isEqualTo("window");
    }

    @Test
    void recordsTheFactsEachRuleReads() throws Exception {
        CompiledMeasure compiled = engine.compile(measure("applicant.degree == 'DOCTOR' ? 2 : 1",
                criterion("age", "applicant.age >= 18 && applicant.age <= 35"),
                criterion("job", "applicant.firstTimeInQujiang && applicant.employmentStatus in ['JOB_SEEKING']")));

        assertThat(compiled.criteria()).extracting(CompiledRule::reads).containsExactly(
                List.of(EligibilityFact.AGE),
                List.of(EligibilityFact.FIRST_TIME_IN_QUJIANG, EligibilityFact.EMPLOYMENT_STATUS));
        assertThat(compiled.amount().reads()).containsExactly(EligibilityFact.DEGREE);
    }

    @Test
    void theWholeSampleCatalogueCompiles() {
        for (MeasureDefinition measure : CatalogueSeed.load()) {
            assertThatCode(() -> engine.compile(measure)).as(measure.code()).doesNotThrowAnyException();
        }
    }

    private RuleCompilationException compileFailure(MeasureDefinition measure) {
        RuleCompilationException error = catchThrowableOfType(RuleCompilationException.class,
                () -> engine.compile(measure));
        assertThat(error).as("compilation error").isNotNull();
        return error;
    }
}
