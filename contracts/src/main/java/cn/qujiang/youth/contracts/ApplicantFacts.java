package cn.qujiang.youth.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * What eligibility rules may know about an applicant: no name, ID number, phone or email. Every fact is optional
 * (null = not given). Dates stay dates so that age, months since graduation and start-up age are derived on the
 * evaluation date, not frozen at the time of the profile change.
 *
 * <p>Education is the highest degree the applicant holds or studies for, with its (expected) graduation date, and
 * {@code otherDegrees}, each with its own date: which degree counts on a day, and since when, follows from the dates
 * (a bachelor working since 2024 who studies part-time for a master due in 2027 is a bachelor graduate until then).
 */
public record ApplicantFacts(
        LocalDate birthDate,
        Gender gender,
        Degree degree,
        LocalDate graduationDate,
        List<Graduation> otherDegrees,
        Boolean topUniversity,
        Hukou hukou,
        Boolean residesInQujiang,
        Boolean firstTimeInQujiang,
        EmploymentStatus employmentStatus,
        Boolean employerInQujiang,
        Industry industry,
        LocalDate socialInsuranceInQujiangSince,
        Integer socialInsuranceGapMonths,
        LocalDate laborContractStart,
        LocalDate laborContractEnd,
        Boolean startupInQujiang,
        LocalDate startupSince,
        Industry startupSector,
        Boolean ownsHomeInQujiang,
        Boolean rentingInQujiang,
        SkillLevel skillLevel,
        TalentTier talentTier,
        Boolean married,
        List<LocalDate> childrenBirthDates,
        Boolean returnedToRuralQujiang) {

    public ApplicantFacts {
        otherDegrees = otherDegrees == null ? null : List.copyOf(otherDegrees);
        childrenBirthDates = childrenBirthDates == null ? null : List.copyOf(childrenBirthDates);
    }

    /** A degree and the day it was (or is expected to be) awarded; no date: held, since an unknown day. */
    public record Graduation(Degree degree, LocalDate date) {
    }

    public enum Gender { MALE, FEMALE }

    public enum Degree { NONE, HIGH_SCHOOL, TECHNICAL_SCHOOL, JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTOR }

    public enum Hukou { QUJIANG, QUZHOU_OTHER, ZHEJIANG_OTHER, OUT_OF_PROVINCE }

    public enum EmploymentStatus { EMPLOYED, SELF_EMPLOYED, JOB_SEEKING, STUDENT, UNEMPLOYED }

    public enum Industry {
        MANUFACTURING, DIGITAL_ECONOMY, E_COMMERCE, ESPORTS, FILM, AGRICULTURE, CULTURE_TOURISM, HEALTHCARE,
        EDUCATION, LOGISTICS, FINANCE, PUBLIC_SERVICE, OTHER
    }

    /** National vocational skill levels, from level 5 (JUNIOR) up to level 1 (SENIOR_TECHNICIAN). */
    public enum SkillLevel { NONE, JUNIOR, INTERMEDIATE, SENIOR, TECHNICIAN, SENIOR_TECHNICIAN }

    /** The district's talent classification, A (top) to E; NONE when not classified. */
    public enum TalentTier { NONE, A, B, C, D, E }

    public static ApplicantFacts none() {
        return new ApplicantFacts(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
