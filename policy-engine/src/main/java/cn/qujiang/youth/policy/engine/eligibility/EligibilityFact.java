package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The facts rules may read, as {@code applicant.<factName>}: the single declaration of their names and types, used
 * by the rule compiler, the deriver and the validation of hand-written facts (examples). Enum-valued facts are CEL
 * strings holding the enum constant's name; {@link #allowedValues()} lists them.
 */
public enum EligibilityFact {
    AGE("age", Type.INT),
    GENDER("gender", Gender.class),
    DEGREE("degree", Degree.class),
    MONTHS_SINCE_GRADUATION("monthsSinceGraduation", Type.INT),
    STUDYING_FOR("studyingFor", Degree.class),
    MONTHS_TO_GRADUATION("monthsToGraduation", Type.INT),
    TOP_UNIVERSITY("topUniversity", Type.BOOL),
    HUKOU("hukou", Hukou.class),
    RESIDES_IN_QUJIANG("residesInQujiang", Type.BOOL),
    FIRST_TIME_IN_QUJIANG("firstTimeInQujiang", Type.BOOL),
    EMPLOYMENT_STATUS("employmentStatus", EmploymentStatus.class),
    EMPLOYER_IN_QUJIANG("employerInQujiang", Type.BOOL),
    INDUSTRY("industry", Industry.class),
    SOCIAL_INSURANCE_MONTHS_IN_QUJIANG("socialInsuranceMonthsInQujiang", Type.INT),
    LABOR_CONTRACT_MONTHS("laborContractMonths", Type.INT),
    LABOR_CONTRACT_OPEN_ENDED("laborContractOpenEnded", Type.BOOL),
    STARTUP_IN_QUJIANG("startupInQujiang", Type.BOOL),
    STARTUP_AGE_MONTHS("startupAgeMonths", Type.INT),
    STARTUP_SECTOR("startupSector", Industry.class),
    OWNS_HOME_IN_QUJIANG("ownsHomeInQujiang", Type.BOOL),
    RENTING_IN_QUJIANG("rentingInQujiang", Type.BOOL),
    SKILL_LEVEL("skillLevel", SkillLevel.class),
    TALENT_TIER("talentTier", TalentTier.class),
    MARRIED("married", Type.BOOL),
    CHILDREN_UNDER_3("childrenUnder3", Type.INT),
    RETURNED_TO_RURAL_QUJIANG("returnedToRuralQujiang", Type.BOOL);

    /** The CEL variable prefix: a fact is declared as the qualified variable {@code applicant.<factName>}. */
    public static final String NAMESPACE = "applicant";

    /**
     * CEL type of a fact and the one Java type its value has in {@link DerivedFacts}. The CEL types themselves are
     * mapped in {@code CelRules}: the vocabulary, which services that only show facts use, reads these declarations
     * and must load without the CEL runtime on the class path.
     */
    public enum Type {
        INT(Long.class),
        BOOL(Boolean.class),
        STRING(String.class);

        private final Class<?> javaType;

        Type(Class<?> javaType) {
            this.javaType = javaType;
        }
    }

    private static final Map<String, EligibilityFact> BY_NAME = new HashMap<>();
    private static final Map<String, EligibilityFact> BY_VARIABLE = new HashMap<>();

    static {
        for (EligibilityFact fact : values()) {
            BY_NAME.put(fact.factName, fact);
            BY_VARIABLE.put(fact.variable, fact);
        }
    }

    private final String factName;
    private final String variable;
    private final Type type;
    private final Class<? extends Enum<?>> enumType;
    private final List<String> allowedValues;

    EligibilityFact(String factName, Type type) {
        this.factName = factName;
        this.variable = NAMESPACE + "." + factName;
        this.type = type;
        this.enumType = null;
        this.allowedValues = List.of();
    }

    EligibilityFact(String factName, Class<? extends Enum<?>> values) {
        this.factName = factName;
        this.variable = NAMESPACE + "." + factName;
        this.type = Type.STRING;
        this.enumType = values;
        this.allowedValues = Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
    }

    public String factName() {
        return factName;
    }

    /** The name rules use, e.g. {@code applicant.age}. */
    public String variable() {
        return variable;
    }

    public Type type() {
        return type;
    }

    /** The enum whose constant names a string fact holds; empty when any value is allowed. */
    public Optional<Class<? extends Enum<?>>> enumType() {
        return Optional.ofNullable(enumType);
    }

    /** The enum constants a string fact can hold; empty when any value is allowed. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    public static Optional<EligibilityFact> byName(String factName) {
        return Optional.ofNullable(BY_NAME.get(factName));
    }

    /** The fact behind a qualified CEL variable name, or null for any other name. */
    static EligibilityFact byVariable(String variable) {
        return BY_VARIABLE.get(variable);
    }

    /**
     * The canonical form of a value of this fact (ints as Long, enums as their name), or null for null.
     *
     * @throws IllegalArgumentException when the value has the wrong type or is not an allowed value
     */
    Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        Object normalized = switch (type) {
            case INT -> value instanceof Integer || value instanceof Long || value instanceof Short
                    ? Long.valueOf(((Number) value).longValue()) : value;
            case BOOL -> value;
            case STRING -> value instanceof Enum<?> constant ? constant.name() : value;
        };
        if (!type.javaType.isInstance(normalized)) {
            throw new IllegalArgumentException("fact '" + factName + "' must be " + type.name().toLowerCase(Locale.ROOT) + ", not '"
                    + value + "'");
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(normalized)) {
            throw new IllegalArgumentException("'" + value + "' is not a value of fact '" + factName + "' "
                    + allowedValues);
        }
        return normalized;
    }
}
