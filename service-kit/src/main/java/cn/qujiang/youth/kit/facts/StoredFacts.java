package cn.qujiang.youth.kit.facts;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
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
import org.springframework.core.convert.ConversionService;

/**
 * An applicant's facts as stored BSON, written and read field by field exactly as Spring Data's mapping writes and
 * reads the {@link ApplicantFacts} record: talent-service stores them with every profile save, policy-service with
 * every evaluation and reads them back for every re-match. Spring Data's conversion of this one record was a tenth
 * of a profile event's CPU in policy-service and most of a save's update mapping in talent-service; a re-match of
 * 100,000 applicants spent more reading them through the mapping than evaluating them. Days go through the
 * converter's own conversion (pass the service's {@code MappingMongoConverter.getConversionService()}), so they are
 * stored and read back exactly as Spring Data does. {@code StoredFactsTest} compares both ways with Spring Data.
 */
public final class StoredFacts {
    private final ConversionService conversions;

    public StoredFacts(ConversionService conversions) {
        this.conversions = conversions;
    }

    /** The facts as Spring Data writes them: record order, a fact not given left out, enums by name, days as dates. */
    public BsonDocument write(ApplicantFacts facts) {
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

    /** The facts sub-document the reader is at; a fact not stored is null, as Spring Data reads it. */
    public ApplicantFacts read(BsonReader reader) {
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
                case "birthDate" -> birthDate = readDay(reader);
                case "gender" -> gender = Enum.valueOf(Gender.class, reader.readString());
                case "degree" -> degree = Enum.valueOf(Degree.class, reader.readString());
                case "graduationDate" -> graduationDate = readDay(reader);
                case "otherDegrees" -> otherDegrees = graduations(reader);
                case "topUniversity" -> topUniversity = reader.readBoolean();
                case "hukou" -> hukou = Enum.valueOf(Hukou.class, reader.readString());
                case "residesInQujiang" -> residesInQujiang = reader.readBoolean();
                case "firstTimeInQujiang" -> firstTimeInQujiang = reader.readBoolean();
                case "employmentStatus" -> employmentStatus = Enum.valueOf(EmploymentStatus.class, reader.readString());
                case "employerInQujiang" -> employerInQujiang = reader.readBoolean();
                case "industry" -> industry = Enum.valueOf(Industry.class, reader.readString());
                case "socialInsuranceInQujiangSince" -> insuredSince = readDay(reader);
                case "socialInsuranceGapMonths" -> insuranceGapMonths = (int) number(reader);
                case "laborContractStart" -> contractStart = readDay(reader);
                case "laborContractEnd" -> contractEnd = readDay(reader);
                case "startupInQujiang" -> startupInQujiang = reader.readBoolean();
                case "startupSince" -> startupSince = readDay(reader);
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
                    date = readDay(reader);
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
    public static String nextField(BsonReader reader) {
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
            dates.add(readDay(reader));
        }
        reader.readEndArray();
        return dates;
    }

    /** A day Spring Data stored (a BSON date at the day's start in the converter's zone). */
    public LocalDate readDay(BsonReader reader) {
        return conversions.convert(new Date(reader.readDateTime()), LocalDate.class);
    }

    /** An array of strings. */
    public static List<String> strings(BsonReader reader) {
        List<String> strings = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            strings.add(reader.readString());
        }
        reader.readEndArray();
        return strings;
    }

    /** A whole number, however it was stored (Spring Data writes a {@code long} as int64, a shell may write int32). */
    public static long number(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT32 -> reader.readInt32();
            case INT64 -> reader.readInt64();
            case DOUBLE -> (long) reader.readDouble();
            default -> throw new IllegalStateException("not a number: " + reader.getCurrentBsonType());
        };
    }
}
