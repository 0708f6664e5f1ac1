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
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.springframework.core.convert.ConversionService;

/**
 * Decodes the applicant documents that matching streams (re-match, impact preview) straight from the driver's BSON
 * reader, as Spring Data wrote them, field by field in the order they come: Spring Data's mapping of 100,000
 * documents with 26 facts each cost more CPU than evaluating them, and decoding into the driver's {@code Document}
 * first (a map per document and one per facts, then read back by name) was the largest part of what was left. Dates
 * go through the converter's own conversion, so they come back exactly as Spring Data writes and reads them.
 * StoredApplicantsTest checks that it reads what Spring Data wrote. It also writes the facts of a profile event as
 * Spring Data would ({@link #facts(ApplicantFacts)}), for {@link MatchStore}'s typed updates; whole documents are
 * written by Spring Data.
 */
final class StoredApplicants implements Codec<ApplicantMatches> {
    private final ConversionService conversions;

    StoredApplicants(ConversionService conversions) {
        this.conversions = conversions;
    }

    /** What matching needs of one applicant (no pending events, no eligible codes: the projection leaves them out). */
    @Override
    public ApplicantMatches decode(BsonReader reader, DecoderContext context) {
        String id = null;
        long lock = 0;
        long profileVersion = 0;
        ApplicantFacts facts = null;
        List<String> held = List.of();
        LocalDate asOf = null;
        long revision = 0;
        Instant evaluatedAt = null;
        List<String> results = List.of();
        boolean erased = false;
        reader.readStartDocument();
        for (String name = nextField(reader); name != null; name = nextField(reader)) {
            switch (name) {
                case "_id" -> id = reader.readString();
                case ApplicantMatches.LOCK -> lock = number(reader);
                case ApplicantMatches.PROFILE_VERSION -> profileVersion = number(reader);
                case ApplicantMatches.FACTS -> facts = facts(reader);
                case ApplicantMatches.HELD -> held = strings(reader);
                case ApplicantMatches.AS_OF -> asOf = date(reader);
                case ApplicantMatches.CATALOGUE_REVISION -> revision = number(reader);
                case ApplicantMatches.EVALUATED_AT -> evaluatedAt = Instant.ofEpochMilli(reader.readDateTime());
                case ApplicantMatches.RESULTS -> results = strings(reader);
                case ApplicantMatches.ERASED -> erased = reader.readBoolean();
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new ApplicantMatches(id, lock, profileVersion, facts, held, asOf, revision, evaluatedAt, results,
                List.of(), erased, List.of());
    }

    @Override
    public void encode(BsonWriter writer, ApplicantMatches value, EncoderContext context) {
        throw new UnsupportedOperationException("applicant documents are written by Spring Data and MatchStore");
    }

    @Override
    public Class<ApplicantMatches> getEncoderClass() {
        return ApplicantMatches.class;
    }

    /**
     * The facts as Spring Data writes them (record order, a fact not given left out, enums by name, days as dates),
     * built as typed BSON: Spring Data's conversion of this one record was a tenth of a profile event's CPU.
     */
    BsonDocument facts(ApplicantFacts facts) {
        BsonDocument document = new BsonDocument();
        put(document, "birthDate", date(facts.birthDate()));
        put(document, "gender", name(facts.gender()));
        put(document, "degree", name(facts.degree()));
        put(document, "graduationDate", date(facts.graduationDate()));
        if (facts.otherDegrees() != null) {
            BsonArray graduations = new BsonArray(new ArrayList<>(facts.otherDegrees().size()));
            for (Graduation graduation : facts.otherDegrees()) {
                BsonDocument written = new BsonDocument();
                put(written, "degree", name(graduation.degree()));
                put(written, "date", date(graduation.date()));
                graduations.add(written);
            }
            document.append("otherDegrees", graduations);
        }
        put(document, "topUniversity", bool(facts.topUniversity()));
        put(document, "hukou", name(facts.hukou()));
        put(document, "residesInQujiang", bool(facts.residesInQujiang()));
        put(document, "firstTimeInQujiang", bool(facts.firstTimeInQujiang()));
        put(document, "employmentStatus", name(facts.employmentStatus()));
        put(document, "employerInQujiang", bool(facts.employerInQujiang()));
        put(document, "industry", name(facts.industry()));
        put(document, "socialInsuranceInQujiangSince", date(facts.socialInsuranceInQujiangSince()));
        put(document, "socialInsuranceGapMonths", facts.socialInsuranceGapMonths() == null ? null
                : new BsonInt32(facts.socialInsuranceGapMonths()));
        put(document, "laborContractStart", date(facts.laborContractStart()));
        put(document, "laborContractEnd", date(facts.laborContractEnd()));
        put(document, "startupInQujiang", bool(facts.startupInQujiang()));
        put(document, "startupSince", date(facts.startupSince()));
        put(document, "startupSector", name(facts.startupSector()));
        put(document, "ownsHomeInQujiang", bool(facts.ownsHomeInQujiang()));
        put(document, "rentingInQujiang", bool(facts.rentingInQujiang()));
        put(document, "skillLevel", name(facts.skillLevel()));
        put(document, "talentTier", name(facts.talentTier()));
        put(document, "married", bool(facts.married()));
        if (facts.childrenBirthDates() != null) {
            BsonArray dates = new BsonArray(new ArrayList<>(facts.childrenBirthDates().size()));
            facts.childrenBirthDates().forEach(day -> dates.add(date(day)));
            document.append("childrenBirthDates", dates);
        }
        put(document, "returnedToRuralQujiang", bool(facts.returnedToRuralQujiang()));
        return document;
    }

    private static void put(BsonDocument document, String name, BsonValue value) {
        if (value != null) {
            document.append(name, value);
        }
    }

    private BsonValue date(LocalDate day) {
        return day == null ? null : new BsonDateTime(conversions.convert(day, Date.class).getTime());
    }

    private static BsonValue name(Enum<?> value) {
        return value == null ? null : new BsonString(value.name());
    }

    private static BsonValue bool(Boolean value) {
        return value == null ? null : BsonBoolean.valueOf(value);
    }

    /** The facts sub-document; a fact not stored is null, as Spring Data reads it. */
    private ApplicantFacts facts(BsonReader reader) {
        LocalDate birthDate = null;
        Gender gender = null;
        Degree degree = null;
        LocalDate graduationDate = null;
        List<Graduation> otherDegrees = null;
        Boolean topUniversity = null;
        Hukou hukou = null;
        Boolean residesInQujiang = null;
        Boolean firstTimeInQujiang = null;
        EmploymentStatus employmentStatus = null;
        Boolean employerInQujiang = null;
        Industry industry = null;
        LocalDate insuredSince = null;
        Integer insuranceGapMonths = null;
        LocalDate contractStart = null;
        LocalDate contractEnd = null;
        Boolean startupInQujiang = null;
        LocalDate startupSince = null;
        Industry startupSector = null;
        Boolean ownsHome = null;
        Boolean renting = null;
        SkillLevel skillLevel = null;
        TalentTier talentTier = null;
        Boolean married = null;
        List<LocalDate> childrenBirthDates = null;
        Boolean returnedToRural = null;
        reader.readStartDocument();
        for (String name = nextField(reader); name != null; name = nextField(reader)) {
            switch (name) {
                case "birthDate" -> birthDate = date(reader);
                case "gender" -> gender = Enum.valueOf(Gender.class, reader.readString());
                case "degree" -> degree = Enum.valueOf(Degree.class, reader.readString());
                case "graduationDate" -> graduationDate = date(reader);
                case "otherDegrees" -> otherDegrees = graduations(reader);
                case "topUniversity" -> topUniversity = reader.readBoolean();
                case "hukou" -> hukou = Enum.valueOf(Hukou.class, reader.readString());
                case "residesInQujiang" -> residesInQujiang = reader.readBoolean();
                case "firstTimeInQujiang" -> firstTimeInQujiang = reader.readBoolean();
                case "employmentStatus" -> employmentStatus = Enum.valueOf(EmploymentStatus.class, reader.readString());
                case "employerInQujiang" -> employerInQujiang = reader.readBoolean();
                case "industry" -> industry = Enum.valueOf(Industry.class, reader.readString());
                case "socialInsuranceInQujiangSince" -> insuredSince = date(reader);
                case "socialInsuranceGapMonths" -> insuranceGapMonths = (int) number(reader);
                case "laborContractStart" -> contractStart = date(reader);
                case "laborContractEnd" -> contractEnd = date(reader);
                case "startupInQujiang" -> startupInQujiang = reader.readBoolean();
                case "startupSince" -> startupSince = date(reader);
                case "startupSector" -> startupSector = Enum.valueOf(Industry.class, reader.readString());
                case "ownsHomeInQujiang" -> ownsHome = reader.readBoolean();
                case "rentingInQujiang" -> renting = reader.readBoolean();
                case "skillLevel" -> skillLevel = Enum.valueOf(SkillLevel.class, reader.readString());
                case "talentTier" -> talentTier = Enum.valueOf(TalentTier.class, reader.readString());
                case "married" -> married = reader.readBoolean();
                case "childrenBirthDates" -> childrenBirthDates = dates(reader);
                case "returnedToRuralQujiang" -> returnedToRural = reader.readBoolean();
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new ApplicantFacts(birthDate, gender, degree, graduationDate, otherDegrees, topUniversity, hukou,
                residesInQujiang, firstTimeInQujiang, employmentStatus, employerInQujiang, industry, insuredSince,
                insuranceGapMonths, contractStart, contractEnd, startupInQujiang, startupSince, startupSector,
                ownsHome, renting, skillLevel, talentTier, married, childrenBirthDates, returnedToRural);
    }

    private List<Graduation> graduations(BsonReader reader) {
        List<Graduation> graduations = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            Degree degree = null;
            LocalDate date = null;
            reader.readStartDocument();
            for (String name = nextField(reader); name != null; name = nextField(reader)) {
                if (name.equals("degree")) {
                    degree = Enum.valueOf(Degree.class, reader.readString());
                } else if (name.equals("date")) {
                    date = date(reader);
                } else {
                    reader.skipValue();
                }
            }
            reader.readEndDocument();
            graduations.add(new Graduation(degree, date));
        }
        reader.readEndArray();
        return graduations;
    }

    /** The name of the next field that holds a value (a null is left out, as Spring Data reads it); null at the end. */
    private static String nextField(BsonReader reader) {
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            if (reader.getCurrentBsonType() != BsonType.NULL) {
                return name;
            }
            reader.readNull();
        }
        return null;
    }

    private List<LocalDate> dates(BsonReader reader) {
        List<LocalDate> dates = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            dates.add(date(reader));
        }
        reader.readEndArray();
        return dates;
    }

    private LocalDate date(BsonReader reader) {
        return conversions.convert(new Date(reader.readDateTime()), LocalDate.class);
    }

    private static List<String> strings(BsonReader reader) {
        List<String> strings = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            strings.add(reader.readString());
        }
        reader.readEndArray();
        return strings;
    }

    private static long number(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT32 -> reader.readInt32();
            case INT64 -> reader.readInt64();
            case DOUBLE -> (long) reader.readDouble();
            default -> throw new IllegalStateException("not a number: " + reader.getCurrentBsonType());
        };
    }
}
