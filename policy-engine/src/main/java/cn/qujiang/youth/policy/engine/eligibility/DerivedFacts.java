package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An applicant's facts on one evaluation date: an immutable map from fact name to value holding only the facts that
 * are given (ints as Long, bools, enum names as String). Everything evaluation needs per applicant (the CEL
 * activation, the single-fact value maps of traces) is prepared here once and shared by every rule of every measure.
 */
public final class DerivedFacts extends AbstractMap<String, Object> {

    private static final EligibilityFact[] FACTS = EligibilityFact.values();
    @SuppressWarnings("unchecked")
    private static final Map<String, Object>[] NO_TRACES = new Map[FACTS.length];
    private static final List<EligibilityFact> TIME_FACTS = List.copyOf(ApplicantFactsDeriver.TIME.keySet());

    private final Object[] values;
    private final Map<String, Object>[] singleValues;
    private final int size;
    /** The profile and day these facts were derived from; null for facts given by name (examples, tests). */
    private final ApplicantFacts source;
    private final LocalDate asOf;
    /** The same facts as CEL variables, built once per applicant. */
    final CelActivation activation;

    /**
     * Facts on another day, for evaluating rules only: the activation given, no trace maps (made for every day a rule
     * is asked about, so nothing it does not need).
     */
    private DerivedFacts(Object[] values, ApplicantFacts source, LocalDate asOf, CelActivation activation) {
        this.values = values;
        this.source = source;
        this.asOf = asOf;
        this.singleValues = NO_TRACES;
        int present = 0;
        for (Object value : values) {
            if (value != null) {
                present++;
            }
        }
        this.size = present;
        this.activation = activation;
    }

    @SuppressWarnings("unchecked")
    private DerivedFacts(Object[] values, ApplicantFacts source, LocalDate asOf) {
        this.values = values;
        this.source = source;
        this.asOf = asOf;
        this.singleValues = new Map[values.length];
        int present = 0;
        for (Object value : values) {
            if (value != null) {
                present++;
            }
        }
        this.size = present;
        this.activation = new CelActivation(values);
    }

    /**
     * Facts given by name, e.g. an example's applicant or a stored snapshot; a {@code DerivedFacts} is returned as it
     * is. Null values count as not given.
     *
     * @throws IllegalArgumentException on an unknown fact name, a value of the wrong type or a value outside the
     *                                  fact's allowed values
     */
    public static DerivedFacts of(Map<String, ?> facts) {
        if (facts instanceof DerivedFacts derived) {
            return derived;
        }
        Builder builder = new Builder();
        facts.forEach((name, value) -> builder.put(EligibilityFact.byName(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown fact '" + name + "'")), value));
        return builder.build();
    }

    /**
     * The profile these facts were derived from, which {@link ChangeDates} derives again on other days; empty for
     * facts given by name, whose dates are unknown.
     */
    Optional<ApplicantFacts> source() {
        return Optional.ofNullable(source);
    }

    /** The day these facts hold on; null for facts given by name. */
    LocalDate asOf() {
        return asOf;
    }

    /**
     * The same profile's facts on another day as a rule that reads only {@code reads} sees them, for evaluating
     * rules only (no trace maps): the time facts among {@code reads} derived again, every other fact left as it is,
     * and the CEL activation this one's with those facts replaced, which is most of what makes it cheap. Only for
     * facts derived from a profile.
     */
    DerivedFacts onDay(LocalDate day, List<EligibilityFact> reads) {
        Object[] then = values.clone();
        for (int i = 0; i < reads.size(); i++) {
            EligibilityFact fact = reads.get(i);
            if (ApplicantFactsDeriver.TIME.containsKey(fact)) {
                then[fact.ordinal()] = valueOn(fact, day);
            }
        }
        return new DerivedFacts(then, source, day, activation.with(then, reads));
    }

    /** The value of a fact that changes with time on another day, or null when the profile does not give it. */
    Object valueOn(EligibilityFact fact, LocalDate day) {
        return fact.normalize(ApplicantFactsDeriver.timeFact(fact, source, day));
    }

    /**
     * These facts with none of those that change with time given, for evaluating rules only: a rule decided
     * without them (CEL's {@code false && unknown}) has that answer on every day.
     */
    DerivedFacts withoutTime() {
        Object[] timeless = values.clone();
        for (int i = 0; i < TIME_FACTS.size(); i++) {
            timeless[TIME_FACTS.get(i).ordinal()] = null;
        }
        return new DerivedFacts(timeless, source, asOf, activation.with(timeless, TIME_FACTS));
    }

    /** The value of a fact, or null when it is not given. */
    public Object value(EligibilityFact fact) {
        return values[fact.ordinal()];
    }

    /**
     * The fact's name and value: the trace of a rule that reads only this fact, made once per applicant and fact
     * because most rules do, and only when asked: a re-match after a publish traces one measure, not 26 facts.
     * Empty when the fact is not given, or for facts on another day (no traces). Two threads asking at once may
     * each make one; both are the same immutable map.
     */
    Map<String, Object> singleValue(EligibilityFact fact) {
        int i = fact.ordinal();
        Map<String, Object> value = singleValues[i];
        if (value == null && values[i] != null && singleValues != NO_TRACES) {
            value = Map.of(fact.factName(), values[i]);
            singleValues[i] = value;
        }
        return value == null ? Map.of() : value;
    }

    @Override
    public Object get(Object factName) {
        return factName instanceof String name ? EligibilityFact.byName(name).map(this::value).orElse(null) : null;
    }

    @Override
    public boolean containsKey(Object factName) {
        return get(factName) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return Arrays.stream(FACTS)
                        .filter(fact -> values[fact.ordinal()] != null)
                        .map(fact -> Map.entry(fact.factName(), values[fact.ordinal()]))
                        .iterator();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Collects facts by declaration; normalises and validates every value. */
    static final class Builder {

        private final Object[] values = new Object[FACTS.length];
        private ApplicantFacts source;
        private LocalDate asOf;

        Builder put(EligibilityFact fact, Object value) {
            values[fact.ordinal()] = fact.normalize(value);
            return this;
        }

        Builder source(ApplicantFacts facts, LocalDate day) {
            this.source = facts;
            this.asOf = day;
            return this;
        }

        DerivedFacts build() {
            return new DerivedFacts(values.clone(), source, asOf);
        }
    }
}
