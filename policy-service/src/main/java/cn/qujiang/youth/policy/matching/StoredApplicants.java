package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.core.convert.ConversionService;

/**
 * Reads the applicant documents that matching streams (re-match, impact preview) straight from BSON, as Spring Data
 * wrote them. Spring Data's mapping of 100,000 documents with 26 facts each cost more CPU than evaluating them; this
 * reads each field once, by name. Dates go through the converter's own conversion, so they come back exactly as
 * Spring Data writes and reads them. StoredApplicantsTest checks that it reads what Spring Data wrote.
 */
final class StoredApplicants {
    private final ConversionService conversions;

    StoredApplicants(ConversionService conversions) {
        this.conversions = conversions;
    }

    /** What matching needs of one applicant (no pending events, no eligible codes: the projection leaves them out). */
    ApplicantMatches read(Document document) {
        return new ApplicantMatches(document.getString("_id"), longOf(document, ApplicantMatches.LOCK),
                longOf(document, ApplicantMatches.PROFILE_VERSION),
                facts(document.get(ApplicantMatches.FACTS, Document.class)),
                strings(document, ApplicantMatches.HELD), date(document.get(ApplicantMatches.AS_OF)),
                longOf(document, ApplicantMatches.CATALOGUE_REVISION),
                instant(document.get(ApplicantMatches.EVALUATED_AT)), strings(document, ApplicantMatches.RESULTS),
                List.of(), Boolean.TRUE.equals(document.getBoolean(ApplicantMatches.ERASED)), List.of());
    }

    ApplicantFacts facts(Document facts) {
        if (facts == null) {
            return null;
        }
        return new ApplicantFacts(date(facts.get("birthDate")), named(Gender.class, facts, "gender"),
                named(Degree.class, facts, "degree"), date(facts.get("graduationDate")), graduations(facts),
                facts.getBoolean("topUniversity"), named(Hukou.class, facts, "hukou"),
                facts.getBoolean("residesInQujiang"), facts.getBoolean("firstTimeInQujiang"),
                named(EmploymentStatus.class, facts, "employmentStatus"), facts.getBoolean("employerInQujiang"),
                named(Industry.class, facts, "industry"), date(facts.get("socialInsuranceInQujiangSince")),
                facts.getInteger("socialInsuranceGapMonths"), date(facts.get("laborContractStart")),
                date(facts.get("laborContractEnd")), facts.getBoolean("startupInQujiang"),
                date(facts.get("startupSince")), named(Industry.class, facts, "startupSector"),
                facts.getBoolean("ownsHomeInQujiang"), facts.getBoolean("rentingInQujiang"),
                named(SkillLevel.class, facts, "skillLevel"), named(TalentTier.class, facts, "talentTier"),
                facts.getBoolean("married"), dates(facts, "childrenBirthDates"),
                facts.getBoolean("returnedToRuralQujiang"));
    }

    private List<Graduation> graduations(Document facts) {
        List<?> stored = facts.get("otherDegrees", List.class);
        if (stored == null) {
            return null;
        }
        List<Graduation> graduations = new ArrayList<>(stored.size());
        for (Object graduation : stored) {
            Document document = (Document) graduation;
            graduations.add(new Graduation(named(Degree.class, document, "degree"), date(document.get("date"))));
        }
        return graduations;
    }

    private List<LocalDate> dates(Document facts, String field) {
        List<?> stored = facts.get(field, List.class);
        if (stored == null) {
            return null;
        }
        List<LocalDate> dates = new ArrayList<>(stored.size());
        stored.forEach(date -> dates.add(date(date)));
        return dates;
    }

    private LocalDate date(Object stored) {
        return stored == null ? null : conversions.convert(stored, LocalDate.class);
    }

    private Instant instant(Object stored) {
        return stored instanceof Date date ? date.toInstant() : null;
    }

    private static <E extends Enum<E>> E named(Class<E> type, Document document, String field) {
        String name = document.getString(field);
        return name == null ? null : Enum.valueOf(type, name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Document document, String field) {
        List<String> strings = document.get(field, List.class);
        return strings == null ? List.of() : strings;
    }

    private static long longOf(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
