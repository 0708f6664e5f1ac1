package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.AGE;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.CHILDREN_UNDER_3;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.DEGREE;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.EMPLOYER_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.EMPLOYMENT_STATUS;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.FIRST_TIME_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.HUKOU;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.INDUSTRY;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.LABOR_CONTRACT_MONTHS;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.LABOR_CONTRACT_OPEN_ENDED;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.MARRIED;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.MONTHS_SINCE_GRADUATION;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.MONTHS_TO_GRADUATION;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.OWNS_HOME_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.RENTING_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.RESIDES_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.RETURNED_TO_RURAL_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.SKILL_LEVEL;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.SOCIAL_INSURANCE_MONTHS_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.STARTUP_AGE_MONTHS;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.STARTUP_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.STARTUP_SECTOR;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.STUDYING_FOR;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.TALENT_TIER;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.TOP_UNIVERSITY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Benchmark baseline: the 40 sample measures hard-coded in Java, as the district would have them without rules as
 * data. Same three-valued logic as CEL (null = not decidable for want of a fact; {@code false && ?} is false,
 * {@code true || ?} is true) and the same outcome logic, so only the cost of evaluating the rules differs.
 * {@code BaselinesAgreeTest} keeps it in step with the catalogue.
 */
final class HandWrittenCatalogue {

    private static final String AMOUNT = EligibilityEngine.AMOUNT_RULE_ID;
    private static final Map<String, RuleEvaluator> RULES = new HashMap<>();

    static {
        measure("QJY-01", f -> 7L)
                .criterion("age", f -> between(f, AGE, 18, 35))
                .criterion("from-outside", f -> not(eq(f, HUKOU, "QUJIANG")))
                .criterion("first-job-search", f -> and(is(f, FIRST_TIME_IN_QUJIANG),
                        or(eq(f, EMPLOYMENT_STATUS, "JOB_SEEKING"), and(eq(f, EMPLOYMENT_STATUS, "STUDENT"),
                                between(f, MONTHS_TO_GRADUATION, Long.MIN_VALUE, 11)))));
        measure("QJY-02", f -> pick(in(f, DEGREE, "MASTER", "DOCTOR"), 2400, 2000))
                .criterion("target-group",
                        f -> or(and(collegeDegree(f), between(f, MONTHS_SINCE_GRADUATION, 0, 23)), between(f, AGE, 16, 24)))
                .criterion("not-working", f -> in(f, EMPLOYMENT_STATUS, "JOB_SEEKING", "UNEMPLOYED"));
        measure("QJY-03", f -> byText(f, DEGREE, degree -> switch (degree) {
                    case "DOCTOR" -> 30000;
                    case "MASTER" -> 15000;
                    case "BACHELOR" -> 5000;
                    default -> 3000;
                }))
                .criterion("recent-graduate", f -> between(f, MONTHS_SINCE_GRADUATION, 0, 35))
                .criterion("degree", HandWrittenCatalogue::collegeDegree)
                .criterion("employed-here", f -> insuredHere(f, 6));
        measure("QJY-04", f -> pick(eq(f, HUKOU, "OUT_OF_PROVINCE"), 1000, 500))
                .criterion("from-elsewhere", f -> not(eq(f, HUKOU, "QUJIANG")))
                .criterion("graduating", f -> or(and(collegeDegree(f), between(f, MONTHS_SINCE_GRADUATION, Long.MIN_VALUE, 23)),
                        and(in(f, STUDYING_FOR, "JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTOR"),
                                between(f, MONTHS_TO_GRADUATION, Long.MIN_VALUE, 11))))
                .criterion("job-seeking", f -> in(f, EMPLOYMENT_STATUS, "JOB_SEEKING", "STUDENT"));
        measure("QJY-05", f -> 400L)
                .criterion("self-employed", f -> eq(f, EMPLOYMENT_STATUS, "SELF_EMPLOYED"))
                .criterion("recent-graduate", f -> between(f, MONTHS_SINCE_GRADUATION, 0, 23))
                .criterion("degree", HandWrittenCatalogue::collegeDegree)
                .criterion("insured", f -> atLeast(f, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 1));
        measure("QJY-06", f -> 3L)
                .criterion("age", f -> between(f, AGE, 16, 35))
                .criterion("looking-for-work", f -> in(f, EMPLOYMENT_STATUS, "JOB_SEEKING", "UNEMPLOYED", "STUDENT"));
        measure("QJY-07", f -> pick(in(f, DEGREE, "MASTER", "DOCTOR"), 20000, 10000))
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("degree", f -> in(f, DEGREE, "BACHELOR", "MASTER", "DOCTOR"))
                .criterion("key-industry", f -> and(is(f, EMPLOYER_IN_QUJIANG),
                        in(f, INDUSTRY, "MANUFACTURING", "DIGITAL_ECONOMY", "E_COMMERCE")))
                .criterion("contract", f -> or(is(f, LABOR_CONTRACT_OPEN_ENDED), atLeast(f, LABOR_CONTRACT_MONTHS, 36)));
        measure("QJY-08", f -> 3000L)
                .criterion("age", f -> between(f, AGE, 18, 40))
                .criterion("returned", f -> is(f, RETURNED_TO_RURAL_QUJIANG))
                .criterion("working", f -> in(f, EMPLOYMENT_STATUS, "EMPLOYED", "SELF_EMPLOYED"));
        measure("QJY-09", f -> 500000L)
                .criterion("age", f -> between(f, AGE, 18, 40))
                .criterion("startup-here", f -> is(f, STARTUP_IN_QUJIANG))
                .criterion("young-business", f -> atMost(f, STARTUP_AGE_MONTHS, 35));
        measure("QJY-10", f -> 5000L)
                .criterion("target-group",
                        f -> or(and(collegeDegree(f), between(f, MONTHS_SINCE_GRADUATION, 0, 59)), is(f, RETURNED_TO_RURAL_QUJIANG)))
                .criterion("trading", f -> and(is(f, STARTUP_IN_QUJIANG), atLeast(f, STARTUP_AGE_MONTHS, 6)))
                .criterion("insured", f -> atLeast(f, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 6));
        startupGrant("QJY-11", 10000, "e-commerce", "E_COMMERCE", 3);
        startupGrant("QJY-12", 20000, "e-sports", "ESPORTS", 6);
        startupGrant("QJY-13", 20000, "film", "FILM", 6);
        measure("QJY-14", f -> 1L)
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("early-stage", f -> and(is(f, STARTUP_IN_QUJIANG), atMost(f, STARTUP_AGE_MONTHS, 23)));
        measure("QJY-15", f -> 1000L)
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("young-business", f -> and(is(f, STARTUP_IN_QUJIANG), atMost(f, STARTUP_AGE_MONTHS, 35)))
                .criterion("insured", f -> atLeast(f, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 3));
        measure("QJY-16", f -> 1L)
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("qualified", HandWrittenCatalogue::degreeOrTalent)
                .criterion("works-here", f -> is(f, EMPLOYER_IN_QUJIANG))
                .criterion("no-home", f -> not(is(f, OWNS_HOME_IN_QUJIANG)));
        measure("QJY-17", f -> byText(f, DEGREE, degree -> switch (degree) {
                    case "DOCTOR" -> 1500;
                    case "MASTER" -> 1000;
                    case "BACHELOR" -> 800;
                    default -> 500;
                }))
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("degree", HandWrittenCatalogue::collegeDegree)
                .criterion("renting", f -> and(is(f, RENTING_IN_QUJIANG), not(is(f, OWNS_HOME_IN_QUJIANG))))
                .criterion("insured", f -> insuredHere(f, 3));
        measure("QJY-18", f -> byText(f, DEGREE, degree -> switch (degree) {
                    case "DOCTOR" -> 200000;
                    case "MASTER" -> 100000;
                    default -> 50000;
                }))
                .criterion("age", f -> atMost(f, AGE, 40))
                .criterion("degree", f -> in(f, DEGREE, "BACHELOR", "MASTER", "DOCTOR"))
                .criterion("bought-home", f -> is(f, OWNS_HOME_IN_QUJIANG))
                .criterion("insured", f -> atLeast(f, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 12));
        measure("QJY-19", f -> pick(in(f, TALENT_TIER, "A", "B"), 1200000, 800000))
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("qualified", HandWrittenCatalogue::degreeOrTalent)
                .criterion("contributing", f -> atLeast(f, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 6))
                .criterion("first-home", f -> not(is(f, OWNS_HOME_IN_QUJIANG)));
        measure("QJY-20", f -> pick(in(f, TALENT_TIER, "A", "B"), 20, 10))
                .criterion("talent-tier", f -> in(f, TALENT_TIER, "A", "B", "C", "D"))
                .criterion("no-home", f -> not(is(f, OWNS_HOME_IN_QUJIANG)));
        measure("QJY-21", f -> 1L)
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("married", f -> is(f, MARRIED))
                .criterion("local",
                        f -> or(eq(f, HUKOU, "QUJIANG"), atLeast(f, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 12)))
                .criterion("no-home", f -> not(is(f, OWNS_HOME_IN_QUJIANG)));
        measure("QJY-22", f -> pick(eq(f, DEGREE, "DOCTOR"), 50000, 20000))
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("degree", f -> in(f, DEGREE, "MASTER", "DOCTOR"))
                .criterion("works-here", f -> insuredHere(f, 6));
        measure("QJY-23", f -> byText(f, DEGREE, degree -> switch (degree) {
                    case "DOCTOR" -> 5000;
                    case "MASTER" -> 2000;
                    default -> 1000;
                }))
                .criterion("recent-graduate", f -> between(f, MONTHS_SINCE_GRADUATION, 0, 35))
                .criterion("degree", f -> in(f, DEGREE, "BACHELOR", "MASTER", "DOCTOR"))
                .criterion("insured", f -> insuredHere(f, 1));
        measure("QJY-24", f -> 1000L)
                .criterion("top-university",
                        f -> and(is(f, TOP_UNIVERSITY), in(f, DEGREE, "BACHELOR", "MASTER", "DOCTOR")))
                .criterion("recent-graduate", f -> between(f, MONTHS_SINCE_GRADUATION, 0, 35))
                .criterion("insured", f -> insuredHere(f, 1));
        measure("QJY-25", f -> times(f, CHILDREN_UNDER_3, 300))
                .criterion("has-young-child", f -> atLeast(f, CHILDREN_UNDER_3, 1))
                .criterion("resident", f -> is(f, RESIDES_IN_QUJIANG))
                .criterion("young-parent", f -> atMost(f, AGE, 40));
        measure("QJY-26", f -> times(f, CHILDREN_UNDER_3, 1))
                .criterion("has-young-child", f -> atLeast(f, CHILDREN_UNDER_3, 1))
                .criterion("local", HandWrittenCatalogue::livesOrWorksHere);
        measure("QJY-27", f -> 1L)
                .criterion("age", f -> between(f, AGE, 20, 40))
                .criterion("married", f -> is(f, MARRIED))
                .criterion("resident", f -> is(f, RESIDES_IN_QUJIANG));
        youngResidents("QJY-28", 50);
        measure("QJY-29", f -> 4L)
                .criterion("age", f -> between(f, AGE, 22, 40))
                .criterion("single", f -> not(is(f, MARRIED)))
                .criterion("local", HandWrittenCatalogue::livesOrWorksHere);
        measure("QJY-30", f -> 1L)
                .criterion("age", f -> between(f, AGE, 16, 35))
                .criterion("target-group", f -> or(in(f, EMPLOYMENT_STATUS, "JOB_SEEKING", "UNEMPLOYED"),
                        is(f, RETURNED_TO_RURAL_QUJIANG)));
        measure("QJY-31", f -> byText(f, SKILL_LEVEL, level -> switch (level) {
                    case "SENIOR_TECHNICIAN" -> 3000;
                    case "TECHNICIAN" -> 2500;
                    case "SENIOR" -> 2000;
                    case "INTERMEDIATE" -> 1500;
                    default -> 1000;
                }))
                .criterion("certified", f -> not(eq(f, SKILL_LEVEL, "NONE")))
                .criterion("insured", f -> atLeast(f, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, 12))
                .criterion("age", f -> atMost(f, AGE, 35));
        measure("QJY-32", f -> pick(eq(f, DEGREE, "JUNIOR_COLLEGE"), 4000, 3000))
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("degree", f -> in(f, DEGREE, "NONE", "HIGH_SCHOOL", "TECHNICAL_SCHOOL", "JUNIOR_COLLEGE"))
                .criterion("works-here", f -> insuredHere(f, 12));
        measure("QJY-33", f -> byText(f, TALENT_TIER, tier -> switch (tier) {
                    case "A" -> 5000;
                    case "B" -> 3000;
                    case "C" -> 2000;
                    default -> 1000;
                }))
                .criterion("talent-tier", f -> in(f, TALENT_TIER, "A", "B", "C", "D"))
                .criterion("age", f -> atMost(f, AGE, 40))
                .criterion("works-here", f -> is(f, EMPLOYER_IN_QUJIANG));
        measure("QJY-34", f -> 1L)
                .criterion("student", f -> eq(f, EMPLOYMENT_STATUS, "STUDENT"))
                .criterion("age", f -> between(f, AGE, 18, 30))
                .criterion("local", f -> eq(f, HUKOU, "QUJIANG"));
        measure("QJY-35", f -> 10L)
                .criterion("age", f -> between(f, AGE, 18, 40))
                .criterion("e-commerce", f -> or(or(eq(f, INDUSTRY, "E_COMMERCE"), eq(f, STARTUP_SECTOR, "E_COMMERCE")),
                        eq(f, EMPLOYMENT_STATUS, "JOB_SEEKING")));
        measure("QJY-36", f -> 50L)
                .criterion("age", f -> between(f, AGE, 18, 35))
                .criterion("local", HandWrittenCatalogue::livesOrWorksHere);
        youngResidents("QJY-37", 300);
        measure("QJY-38", f -> 100L)
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion("talent", f -> or(in(f, TALENT_TIER, "A", "B", "C", "D", "E"),
                        and(and(collegeDegree(f), between(f, MONTHS_SINCE_GRADUATION, 0, 35)), is(f, EMPLOYER_IN_QUJIANG))));
        measure("QJY-39", f -> 12L)
                .criterion("age", f -> between(f, AGE, 18, 40))
                .criterion("local", HandWrittenCatalogue::livesOrWorksHere);
        youngResidents("QJY-40", 30);
    }

    private HandWrittenCatalogue() {
    }

    /** The compiled catalogue with every rule replaced by its hand-written twin. */
    static List<CompiledMeasure> replaceRules(List<CompiledMeasure> compiled) {
        return compiled.stream().map(measure -> new CompiledMeasure(measure.definition(),
                measure.criteria().stream().map(rule -> handWritten(measure, rule)).toList(),
                handWritten(measure, measure.amount()))).toList();
    }

    private static CompiledRule handWritten(CompiledMeasure measure, CompiledRule rule) {
        RuleEvaluator evaluator = RULES.get(measure.code() + "/" + rule.id());
        if (evaluator == null) {
            throw new IllegalStateException("no hand-written rule for " + measure.code() + "/" + rule.id());
        }
        return new CompiledRule(rule.id(), rule.expression(), rule.reads(), rule.thresholds(), evaluator);
    }

    private static Criteria measure(String code, RuleEvaluator amount) {
        RULES.put(code + "/" + AMOUNT, amount);
        return new Criteria(code);
    }

    private record Criteria(String code) {

        Criteria criterion(String id, RuleEvaluator evaluator) {
            RULES.put(code + "/" + id, evaluator);
            return this;
        }
    }

    private static void startupGrant(String code, long amount, String sectorId, String sector, long minMonths) {
        measure(code, f -> amount)
                .criterion("age", f -> atMost(f, AGE, 35))
                .criterion(sectorId, f -> and(is(f, STARTUP_IN_QUJIANG), eq(f, STARTUP_SECTOR, sector)))
                .criterion("trading", f -> atLeast(f, STARTUP_AGE_MONTHS, minMonths));
    }

    private static void youngResidents(String code, long amount) {
        measure(code, f -> amount)
                .criterion("age", f -> between(f, AGE, 18, 35))
                .criterion("resident", f -> is(f, RESIDES_IN_QUJIANG));
    }

    private static Boolean collegeDegree(DerivedFacts f) {
        return in(f, DEGREE, "JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTOR");
    }

    private static Boolean degreeOrTalent(DerivedFacts f) {
        return or(in(f, DEGREE, "BACHELOR", "MASTER", "DOCTOR"), in(f, TALENT_TIER, "A", "B", "C", "D", "E"));
    }

    private static Boolean insuredHere(DerivedFacts f, long months) {
        return and(is(f, EMPLOYER_IN_QUJIANG), atLeast(f, SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, months));
    }

    private static Boolean livesOrWorksHere(DerivedFacts f) {
        return or(is(f, RESIDES_IN_QUJIANG), is(f, EMPLOYER_IN_QUJIANG));
    }

    // Three-valued helpers: null means "cannot be decided, a fact is not given".

    private static Boolean is(DerivedFacts f, EligibilityFact fact) {
        return (Boolean) f.value(fact);
    }

    private static Boolean not(Boolean value) {
        return value == null ? null : !value;
    }

    private static Boolean and(Boolean left, Boolean right) {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return false;
        }
        return left == null || right == null ? null : true;
    }

    private static Boolean or(Boolean left, Boolean right) {
        if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
            return true;
        }
        return left == null || right == null ? null : false;
    }

    private static Boolean atLeast(DerivedFacts f, EligibilityFact fact, long min) {
        Long value = (Long) f.value(fact);
        return value == null ? null : value >= min;
    }

    private static Boolean atMost(DerivedFacts f, EligibilityFact fact, long max) {
        Long value = (Long) f.value(fact);
        return value == null ? null : value <= max;
    }

    private static Boolean between(DerivedFacts f, EligibilityFact fact, long min, long max) {
        return and(atLeast(f, fact, min), atMost(f, fact, max));
    }

    private static Boolean eq(DerivedFacts f, EligibilityFact fact, String expected) {
        Object value = f.value(fact);
        return value == null ? null : value.equals(expected);
    }

    private static Boolean in(DerivedFacts f, EligibilityFact fact, String... candidates) {
        Object value = f.value(fact);
        if (value == null) {
            return null;
        }
        for (String candidate : candidates) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Long pick(Boolean condition, long then, long otherwise) {
        return condition == null ? null : condition ? then : otherwise;
    }

    private static Long byText(DerivedFacts f, EligibilityFact fact, ToLongFunction<String> amount) {
        Object value = f.value(fact);
        return value == null ? null : amount.applyAsLong((String) value);
    }

    private static Long times(DerivedFacts f, EligibilityFact fact, long factor) {
        Long value = (Long) f.value(fact);
        return value == null ? null : value * factor;
    }
}
