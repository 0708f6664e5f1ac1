package cn.qujiang.youth.policy.engine.vocabulary;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityFact;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fact the suite shows to people, by the name it has everywhere (rules, criterion values, missing facts, profile
 * fields) and its type; {@code enumType} is the enum an ENUM fact's values are constants of, null otherwise.
 */
public record Fact(String name, FactType type, Class<? extends Enum<?>> enumType) {

    /** The codes of the measures an applicant holds, which exclusions read; not a rule fact. */
    public static final String HELD_MEASURES = "heldMeasures";

    private static final Set<Class<?>> INTEGERS = Set.of(Integer.class, Long.class, Short.class, int.class,
            long.class, short.class);
    private static final List<Fact> DECLARED = collect();

    /**
     * Every fact: those rules read ({@link EligibilityFact}, in declaration order), then the profile fields of the
     * contract's {@link ApplicantFacts} rules only read derived (the dates), then {@link #HELD_MEASURES}.
     */
    public static List<Fact> declared() {
        return DECLARED;
    }

    /** The values as text (enum constant names, {@code true} and {@code false}); empty for free values. */
    public List<String> values() {
        return switch (type) {
            case ENUM -> Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
            case BOOL -> List.of("true", "false");
            default -> List.of();
        };
    }

    private static List<Fact> collect() {
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (EligibilityFact fact : EligibilityFact.values()) {
            facts.put(fact.factName(), of(fact));
        }
        for (RecordComponent field : ApplicantFacts.class.getRecordComponents()) {
            facts.putIfAbsent(field.getName(), of(field.getName(), field.getType(), field.getGenericType()));
        }
        facts.putIfAbsent(HELD_MEASURES, new Fact(HELD_MEASURES, FactType.TEXT, null));
        return List.copyOf(facts.values());
    }

    private static Fact of(EligibilityFact fact) {
        return switch (fact.type()) {
            case INT -> new Fact(fact.factName(), FactType.INT, null);
            case BOOL -> new Fact(fact.factName(), FactType.BOOL, null);
            case STRING -> fact.enumType()
                    .map(values -> new Fact(fact.factName(), FactType.ENUM, values))
                    .orElseGet(() -> new Fact(fact.factName(), FactType.TEXT, null));
        };
    }

    @SuppressWarnings("unchecked")
    private static Fact of(String name, Class<?> javaType, Type genericType) {
        if (javaType.isEnum()) {
            return new Fact(name, FactType.ENUM, (Class<? extends Enum<?>>) javaType);
        }
        FactType type = javaType == LocalDate.class ? FactType.DATE
                : javaType == List.class && genericType instanceof ParameterizedType list
                        && list.getActualTypeArguments()[0] == Graduation.class ? FactType.GRADUATIONS
                : javaType == List.class ? FactType.DATES
                : javaType == Boolean.class || javaType == boolean.class ? FactType.BOOL
                : INTEGERS.contains(javaType) ? FactType.INT
                : FactType.TEXT;
        return new Fact(name, type, null);
    }
}
