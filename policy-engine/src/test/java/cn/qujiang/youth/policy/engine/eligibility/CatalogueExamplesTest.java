package cn.qujiang.youth.policy.engine.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every worked example of the shipped catalogue agrees with the engine: one test case per example. */
class CatalogueExamplesTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine();

    static Stream<Arguments> examples() throws RuleCompilationException {
        List<Arguments> cases = new ArrayList<>();
        for (MeasureDefinition measure : CatalogueSeed.load()) {
            CompiledMeasure compiled = ENGINE.compile(measure);
            for (Example example : measure.examples()) {
                cases.add(Arguments.of(measure.code(), example.name(), compiled, example));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void exampleAgreesWithTheRules(String code, String name, CompiledMeasure measure, Example example) {
        assertThat(ExampleCheck.check(measure, example)).isEmpty();
    }
}
