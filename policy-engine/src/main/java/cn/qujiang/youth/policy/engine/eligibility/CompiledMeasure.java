package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One measure version with its criteria and amount compiled once, ready to be evaluated for any number of
 * applicants from any number of threads. Obtained from {@link EligibilityEngine#compile(MeasureDefinition)}.
 */
public final class CompiledMeasure {

    private final MeasureDefinition definition;
    private final List<CompiledRule> criteria;
    private final CompiledRule amount;
    private final List<String> sortedExcludes;

    /** {@code criteria} in the order of the definition's criteria. */
    CompiledMeasure(MeasureDefinition definition, List<CompiledRule> criteria, CompiledRule amount) {
        this.definition = definition;
        this.criteria = List.copyOf(criteria);
        this.amount = amount;
        this.sortedExcludes = definition.excludes().stream().sorted().toList();
    }

    public MeasureDefinition definition() {
        return definition;
    }

    public String code() {
        return definition.code();
    }

    public int version() {
        return definition.version();
    }

    List<CompiledRule> criteria() {
        return criteria;
    }

    /**
     * The applicant's values of the facts criterion {@code index} (in the definition's order) reads, as a result's
     * criterion carries them: a lookup, no evaluation. With a stored outcome and statuses this gives the same result
     * as evaluating again, at a fraction of the cost.
     */
    public Map<String, Object> criterionValues(int index, DerivedFacts facts) {
        return criteria.get(index).valuesIn(facts);
    }

    CompiledRule amount() {
        return amount;
    }

    /** The measures this one excludes that the applicant holds, sorted. */
    List<String> excludedBy(Set<String> heldMeasures) {
        if (heldMeasures.isEmpty() || sortedExcludes.isEmpty()) {
            return List.of();
        }
        List<String> excludedBy = new ArrayList<>();
        for (String excluded : sortedExcludes) {
            if (heldMeasures.contains(excluded)) {
                excludedBy.add(excluded);
            }
        }
        return excludedBy;
    }

    @Override
    public String toString() {
        return "CompiledMeasure[" + code() + " v" + version() + "]";
    }
}
