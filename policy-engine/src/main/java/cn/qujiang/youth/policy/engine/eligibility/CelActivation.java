package cn.qujiang.youth.policy.engine.eligibility;

import dev.cel.runtime.CelAttribute;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;
import java.util.Optional;

/**
 * One applicant's facts as CEL variables, prepared once and shared by every rule evaluated for that applicant. A
 * declared fact that is not given resolves to a CEL unknown rather than to nothing: the planner runtime then decides
 * around it where it can ({@code true || unknown}) and otherwise returns an unknown set, where a missing variable
 * would cost an exception.
 */
final class CelActivation implements CelVariableResolver {

    private static final Optional<Object>[] UNKNOWN = unknowns();

    private final Optional<Object>[] lookups;

    @SuppressWarnings("unchecked")
    CelActivation(Object[] valuesByFact) {
        lookups = new Optional[valuesByFact.length];
        for (int i = 0; i < valuesByFact.length; i++) {
            lookups[i] = valuesByFact[i] == null ? UNKNOWN[i] : Optional.of(valuesByFact[i]);
        }
    }

    @Override
    public Optional<Object> find(String variable) {
        EligibilityFact fact = EligibilityFact.byVariable(variable);
        return fact == null ? Optional.empty() : lookups[fact.ordinal()];
    }

    @SuppressWarnings("unchecked")
    private static Optional<Object>[] unknowns() {
        EligibilityFact[] facts = EligibilityFact.values();
        Optional<Object>[] unknowns = new Optional[facts.length];
        for (EligibilityFact fact : facts) {
            unknowns[fact.ordinal()] =
                    Optional.of(CelUnknownSet.create(CelAttribute.fromQualifiedIdentifier(fact.variable())));
        }
        return unknowns;
    }
}
