package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import java.util.List;
import java.util.Optional;

/** The active measures at one catalogue revision, compiled, in code order. */
public record CatalogueSnapshot(long revision, List<CompiledMeasure> measures) {

    public CatalogueSnapshot {
        measures = List.copyOf(measures);
    }

    public List<MeasureDefinition> definitions() {
        return measures.stream().map(CompiledMeasure::definition).toList();
    }

    public Optional<MeasureDefinition> measure(String code) {
        return measures.stream().filter(m -> m.code().equals(code)).map(CompiledMeasure::definition).findFirst();
    }
}
