package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.OPEN_2024;
import static cn.qujiang.youth.policy.engine.eligibility.TestMeasures.criterion;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Example;
import cn.qujiang.youth.policy.engine.eligibility.ExampleCheck.Mismatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleCheckTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    @Test
    void reportsEveryDisagreeingExampleWithAReadableReason() throws Exception {
        CompiledMeasure measure = engine.compile(TestMeasures.measure(OPEN_2024, List.of(),
                "applicant.degree == 'MASTER' ? 2400 : 2000",
                List.of(criterion("age", "applicant.age <= 35"), criterion("degree", "applicant.degree != 'NONE'")),
                List.of(
                        new Example("agrees", Map.of("age", 24, "degree", "MASTER"), "ELIGIBLE", 2400L),
                        new Example("wrong outcome", Map.of("age", 36, "degree", "MASTER"), "ELIGIBLE", null),
                        new Example("wrong amount", Map.of("age", 24, "degree", "BACHELOR"), "ELIGIBLE", 2400L),
                        new Example("missing fact", Map.of("age", 24), "INELIGIBLE", null),
                        new Example("bad fact", Map.of("age", 24, "salary", 5000), "ELIGIBLE", null))));

        assertThat(ExampleCheck.mismatches(measure)).containsExactly(
                new Mismatch("wrong outcome", "expected ELIGIBLE but the rules say INELIGIBLE"
                        + " (age FAILED {age=36}; degree PASSED {degree=MASTER})"),
                new Mismatch("wrong amount", "expected amount 2400 but the rules give 2000"),
                new Mismatch("missing fact", "expected INELIGIBLE but the rules say NEEDS_INFO"
                        + " (age PASSED {age=24}; degree UNKNOWN; missing [degree])"),
                new Mismatch("bad fact", "the example's applicant is invalid: unknown fact 'salary'"));
    }

    @Test
    void runAllGivesTheRulesAnswerForEveryExampleAgreeingOrNot() throws Exception {
        CompiledMeasure measure = engine.compile(TestMeasures.measure(OPEN_2024, List.of(), "500",
                List.of(criterion("age", "applicant.age <= 35")),
                List.of(new Example("young", Map.of("age", 24), "ELIGIBLE", 500L),
                        new Example("old", Map.of("age", 40), "ELIGIBLE", null))));

        List<ExampleCheck.Run> runs = ExampleCheck.runAll(measure);

        assertThat(runs).extracting(ExampleCheck.Run::agrees).containsExactly(true, false);
        assertThat(runs.get(0).actual().amount()).isEqualTo(500L);
        assertThat(runs.get(1).actual().outcome().name()).isEqualTo("INELIGIBLE");
        assertThat(runs.get(1).actual().criteria().get(0).status().name()).isEqualTo("FAILED");
    }
}
