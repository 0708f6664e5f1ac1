package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.util.ArrayList;
import java.util.List;

/** The sample catalogue compiled, for tests that hold the engine to something over every sample measure. */
final class SeedCatalogue {

    private SeedCatalogue() {
    }

    /** The sample always compiles ({@code CatalogueExamplesTest}); a failure here is a broken build, not a case. */
    static List<CompiledMeasure> compile(EligibilityEngine engine) {
        List<CompiledMeasure> compiled = new ArrayList<>();
        try {
            for (MeasureDefinition measure : CatalogueSeed.load()) {
                compiled.add(engine.compile(measure));
            }
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(compiled);
    }
}
