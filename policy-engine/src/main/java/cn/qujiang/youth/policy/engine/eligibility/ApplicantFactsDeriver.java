package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.AGE;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.CHILDREN_UNDER_3;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.DEGREE;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.EMPLOYER_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.EMPLOYMENT_STATUS;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.FIRST_TIME_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.GENDER;
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

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.policy.engine.eligibility.TimeSource.Counter;
import cn.qujiang.youth.policy.engine.eligibility.TimeSource.Events;
import cn.qujiang.youth.policy.engine.eligibility.TimeSource.GraduationMonths;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The only mapping from a profile's {@link ApplicantFacts} to the facts rules read. Dates become ages, durations and
 * counts on the evaluation date, so the same profile yields a different age next year, and three months of
 * insurance next week, without anyone editing it. The facts that change with time alone are declared once, in
 * {@link #TIME}, which also tells {@link ChangeDates} when they change.
 */
public final class ApplicantFactsDeriver {

    /** A child counts for {@link EligibilityFact#CHILDREN_UNDER_3} until the day before its third birthday. */
    private static final int CHILD_YEARS = 3;

    private static final Counter AGE_YEARS = new Counter(ChronoUnit.YEARS, ApplicantFacts::birthDate, f -> 0, false);
    private static final Events GRADUATIONS = new Events(Degrees::graduationDays);
    private static final GraduationMonths SINCE_GRADUATION = new GraduationMonths(false);
    private static final GraduationMonths TO_GRADUATION = new GraduationMonths(true);
    private static final Counter STARTUP = new Counter(ChronoUnit.MONTHS, ApplicantFacts::startupSince, f -> 0,
            false);
    private static final Counter INSURANCE = new Counter(ChronoUnit.MONTHS,
            ApplicantFacts::socialInsuranceInQujiangSince,
            f -> f.socialInsuranceGapMonths() == null ? 0 : f.socialInsuranceGapMonths(), true);
    private static final Events CHILDREN = new Events(ApplicantFactsDeriver::childrenTurningThree);
    private static final Events CONTRACT = new Events(ApplicantFactsDeriver::contractStartAndEnd);

    /** Every fact that changes with time alone, and how. */
    static final Map<EligibilityFact, TimeSource> TIME = new EnumMap<>(Map.ofEntries(
            Map.entry(AGE, AGE_YEARS),
            Map.entry(DEGREE, GRADUATIONS),
            Map.entry(MONTHS_SINCE_GRADUATION, SINCE_GRADUATION),
            Map.entry(STUDYING_FOR, GRADUATIONS),
            Map.entry(MONTHS_TO_GRADUATION, TO_GRADUATION),
            Map.entry(STARTUP_AGE_MONTHS, STARTUP),
            Map.entry(SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, INSURANCE),
            Map.entry(CHILDREN_UNDER_3, CHILDREN),
            Map.entry(LABOR_CONTRACT_MONTHS, CONTRACT),
            Map.entry(LABOR_CONTRACT_OPEN_ENDED, CONTRACT)));

    private ApplicantFactsDeriver() {
    }

    public static DerivedFacts derive(ApplicantFacts facts, LocalDate asOf) {
        return new DerivedFacts.Builder()
                .put(AGE, timeFact(AGE, facts, asOf))
                .put(GENDER, facts.gender())
                .put(DEGREE, timeFact(DEGREE, facts, asOf))
                .put(MONTHS_SINCE_GRADUATION, timeFact(MONTHS_SINCE_GRADUATION, facts, asOf))
                .put(STUDYING_FOR, timeFact(STUDYING_FOR, facts, asOf))
                .put(MONTHS_TO_GRADUATION, timeFact(MONTHS_TO_GRADUATION, facts, asOf))
                .put(TOP_UNIVERSITY, facts.topUniversity())
                .put(HUKOU, facts.hukou())
                .put(RESIDES_IN_QUJIANG, facts.residesInQujiang())
                .put(FIRST_TIME_IN_QUJIANG, facts.firstTimeInQujiang())
                .put(EMPLOYMENT_STATUS, facts.employmentStatus())
                .put(EMPLOYER_IN_QUJIANG, facts.employerInQujiang())
                .put(INDUSTRY, facts.industry())
                .put(SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, timeFact(SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, facts, asOf))
                .put(LABOR_CONTRACT_MONTHS, timeFact(LABOR_CONTRACT_MONTHS, facts, asOf))
                .put(LABOR_CONTRACT_OPEN_ENDED, timeFact(LABOR_CONTRACT_OPEN_ENDED, facts, asOf))
                .put(STARTUP_IN_QUJIANG, facts.startupInQujiang())
                .put(STARTUP_AGE_MONTHS, timeFact(STARTUP_AGE_MONTHS, facts, asOf))
                .put(STARTUP_SECTOR, facts.startupSector())
                .put(OWNS_HOME_IN_QUJIANG, facts.ownsHomeInQujiang())
                .put(RENTING_IN_QUJIANG, facts.rentingInQujiang())
                .put(SKILL_LEVEL, facts.skillLevel())
                .put(TALENT_TIER, facts.talentTier())
                .put(MARRIED, facts.married())
                .put(CHILDREN_UNDER_3, timeFact(CHILDREN_UNDER_3, facts, asOf))
                .put(RETURNED_TO_RURAL_QUJIANG, facts.returnedToRuralQujiang())
                .source(facts, asOf)
                .build();
    }

    /** The value of one of the {@link #TIME} facts on {@code day}; null when the profile does not give it. */
    static Object timeFact(EligibilityFact fact, ApplicantFacts facts, LocalDate day) {
        return switch (fact) {
            case AGE -> AGE_YEARS.value(facts, day);
            case DEGREE -> Degrees.heldOn(facts, day);
            case MONTHS_SINCE_GRADUATION -> SINCE_GRADUATION.value(facts, day);
            case STUDYING_FOR -> Degrees.studyingFor(facts, day);
            case MONTHS_TO_GRADUATION -> TO_GRADUATION.value(facts, day);
            case STARTUP_AGE_MONTHS -> STARTUP.value(facts, day);
            case SOCIAL_INSURANCE_MONTHS_IN_QUJIANG -> INSURANCE.value(facts, day);
            case CHILDREN_UNDER_3 -> childrenUnder3(facts, day);
            case LABOR_CONTRACT_MONTHS -> contractMonths(facts, day);
            case LABOR_CONTRACT_OPEN_ENDED -> contractOpenEnded(facts, day);
            default -> throw new IllegalArgumentException(fact + " does not change with time");
        };
    }

    /** Children born by {@code asOf} who have not turned three; null when the children are not given. */
    private static Long childrenUnder3(ApplicantFacts facts, LocalDate asOf) {
        List<LocalDate> births = facts.childrenBirthDates();
        if (births == null) {
            return null;
        }
        // A loop, not a stream: this is derived again on every day a children rule is asked about.
        long under3 = 0;
        for (int i = 0; i < births.size(); i++) {
            LocalDate birth = births.get(i);
            if (!birth.isAfter(asOf) && ChronoUnit.YEARS.between(birth, asOf) < CHILD_YEARS) {
                under3++;
            }
        }
        return under3;
    }

    private static List<LocalDate> childrenTurningThree(ApplicantFacts facts) {
        List<LocalDate> days = new ArrayList<>();
        if (facts.childrenBirthDates() != null) {
            for (LocalDate birth : facts.childrenBirthDates()) {
                days.add(birth);
                days.add(TimeSource.firstDayReaching(birth, ChronoUnit.YEARS, CHILD_YEARS));
            }
        }
        return days;
    }

    /**
     * The agreed term in whole months while the contract is in force (end day included), 0 before it starts and
     * after it ends; null for an open-ended contract in force, which {@link #contractOpenEnded} reports instead.
     */
    private static Long contractMonths(ApplicantFacts facts, LocalDate asOf) {
        if (facts.laborContractStart() == null) {
            return null;
        }
        if (!contractInForce(facts, asOf)) {
            return 0L;
        }
        return facts.laborContractEnd() == null ? null
                : ChronoUnit.MONTHS.between(facts.laborContractStart(), facts.laborContractEnd().plusDays(1));
    }

    private static Boolean contractOpenEnded(ApplicantFacts facts, LocalDate asOf) {
        if (facts.laborContractStart() == null) {
            return null;
        }
        return facts.laborContractEnd() == null && contractInForce(facts, asOf);
    }

    private static boolean contractInForce(ApplicantFacts facts, LocalDate asOf) {
        return !facts.laborContractStart().isAfter(asOf)
                && (facts.laborContractEnd() == null || !asOf.isAfter(facts.laborContractEnd()));
    }

    private static List<LocalDate> contractStartAndEnd(ApplicantFacts facts) {
        if (facts.laborContractStart() == null) {
            return List.of();
        }
        return facts.laborContractEnd() == null ? List.of(facts.laborContractStart())
                : List.of(facts.laborContractStart(), facts.laborContractEnd().plusDays(1));
    }
}
