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
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.MARRIED;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.MONTHS_SINCE_GRADUATION;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.OWNS_HOME_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.RENTING_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.RESIDES_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.RETURNED_TO_RURAL_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.SKILL_LEVEL;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.SOCIAL_INSURANCE_MONTHS_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.STARTUP_AGE_MONTHS;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.STARTUP_IN_QUJIANG;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.STARTUP_SECTOR;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.TALENT_TIER;
import static cn.qujiang.youth.policy.engine.eligibility.EligibilityFact.TOP_UNIVERSITY;

import cn.qujiang.youth.contracts.ApplicantFacts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The only mapping from a profile's {@link ApplicantFacts} to the facts rules read. Dates become durations on the
 * evaluation date, so the same profile yields a different age next year without anyone editing it.
 */
public final class ApplicantFactsDeriver {

    private ApplicantFactsDeriver() {
    }

    public static DerivedFacts derive(ApplicantFacts facts, LocalDate asOf) {
        return new DerivedFacts.Builder()
                .put(AGE, between(ChronoUnit.YEARS, facts.birthDate(), asOf))
                .put(GENDER, facts.gender())
                .put(DEGREE, facts.degree())
                .put(MONTHS_SINCE_GRADUATION, between(ChronoUnit.MONTHS, facts.graduationDate(), asOf))
                .put(TOP_UNIVERSITY, facts.topUniversity())
                .put(HUKOU, facts.hukou())
                .put(RESIDES_IN_QUJIANG, facts.residesInQujiang())
                .put(FIRST_TIME_IN_QUJIANG, facts.firstTimeInQujiang())
                .put(EMPLOYMENT_STATUS, facts.employmentStatus())
                .put(EMPLOYER_IN_QUJIANG, facts.employerInQujiang())
                .put(INDUSTRY, facts.industry())
                .put(SOCIAL_INSURANCE_MONTHS_IN_QUJIANG, facts.socialInsuranceMonthsInQujiang())
                .put(LABOR_CONTRACT_MONTHS, facts.laborContractMonths())
                .put(STARTUP_IN_QUJIANG, facts.startupInQujiang())
                .put(STARTUP_AGE_MONTHS, between(ChronoUnit.MONTHS, facts.startupSince(), asOf))
                .put(STARTUP_SECTOR, facts.startupSector())
                .put(OWNS_HOME_IN_QUJIANG, facts.ownsHomeInQujiang())
                .put(RENTING_IN_QUJIANG, facts.rentingInQujiang())
                .put(SKILL_LEVEL, facts.skillLevel())
                .put(TALENT_TIER, facts.talentTier())
                .put(MARRIED, facts.married())
                .put(CHILDREN_UNDER_3, facts.childrenUnder3())
                .put(RETURNED_TO_RURAL_QUJIANG, facts.returnedToRuralQujiang())
                .build();
    }

    /** Whole units from {@code from} to {@code asOf} (negative when {@code from} is later), or null without a date. */
    private static Long between(ChronoUnit unit, LocalDate from, LocalDate asOf) {
        return from == null ? null : unit.between(from, asOf);
    }
}
