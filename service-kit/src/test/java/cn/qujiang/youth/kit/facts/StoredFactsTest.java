package cn.qujiang.youth.kit.facts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
import com.mongodb.MongoClientSettings;
import java.time.LocalDate;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonNull;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.configuration.CodecRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The facts must be stored exactly as Spring Data's mapping stores them and read back as it reads them: services
 * read documents with both (Spring Data for whole documents, {@link StoredFacts} on the hot paths).
 */
class StoredFactsTest {
    private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();
    private final MappingMongoConverter spring = springConverter();
    private final StoredFacts stored = new StoredFacts(spring.getConversionService());

    static List<ApplicantFacts> facts() {
        return List.of(ApplicantFacts.none(),
                new ApplicantFacts(LocalDate.of(2000, 2, 29), Gender.FEMALE, Degree.MASTER, LocalDate.of(2025, 6, 30),
                        List.of(new Graduation(Degree.BACHELOR, LocalDate.of(2022, 6, 30)),
                                new Graduation(Degree.JUNIOR_COLLEGE, null)), true, Hukou.QUZHOU_OTHER, true, false,
                        EmploymentStatus.EMPLOYED, true, Industry.ESPORTS, LocalDate.of(2025, 8, 1), 2,
                        LocalDate.of(2025, 7, 15), LocalDate.of(2028, 7, 14), false, LocalDate.of(2024, 1, 1),
                        Industry.FILM, false, true, SkillLevel.TECHNICIAN, TalentTier.C, true,
                        List.of(LocalDate.of(2023, 5, 1), LocalDate.of(2025, 12, 31)), false),
                new ApplicantFacts(LocalDate.of(1995, 12, 31), Gender.MALE, Degree.NONE, null, List.of(), false,
                        Hukou.QUJIANG, null, null, EmploymentStatus.JOB_SEEKING, null, null, null, 0, null, null, null,
                        null, null, null, null, SkillLevel.NONE, TalentTier.NONE, false, List.of(), true));
    }

    @ParameterizedTest
    @MethodSource("facts")
    void writesWhatSpringDataWrites(ApplicantFacts facts) {
        Document springWritten = (Document) spring.convertToMongoType(facts, TypeInformation.of(ApplicantFacts.class));

        assertThat(stored.write(facts)).isEqualTo(springWritten.toBsonDocument(Document.class, CODECS));
        assertThat(List.copyOf(stored.write(facts).keySet())).isEqualTo(List.copyOf(springWritten.keySet()));
    }

    @ParameterizedTest
    @MethodSource("facts")
    void readsWhatSpringDataWroteAsSpringDataReadsIt(ApplicantFacts facts) {
        BsonDocument springWritten = ((Document) spring.convertToMongoType(facts,
                TypeInformation.of(ApplicantFacts.class))).toBsonDocument(Document.class, CODECS);
        // a null stored by another writer reads as a fact not given
        springWritten.append("married", new BsonNull());

        ApplicantFacts read = stored.read(new BsonDocumentReader(springWritten));

        Document asDecoded = new DocumentCodec(CODECS).decode(new BsonDocumentReader(springWritten),
                DecoderContext.builder().build());
        assertThat(read).isEqualTo(spring.read(ApplicantFacts.class, asDecoded));
        assertThat(read).isEqualTo(withoutMarried(facts));
    }

    private static ApplicantFacts withoutMarried(ApplicantFacts f) {
        return new ApplicantFacts(f.birthDate(), f.gender(), f.degree(), f.graduationDate(), f.otherDegrees(),
                f.topUniversity(), f.hukou(), f.residesInQujiang(), f.firstTimeInQujiang(), f.employmentStatus(),
                f.employerInQujiang(), f.industry(), f.socialInsuranceInQujiangSince(), f.socialInsuranceGapMonths(),
                f.laborContractStart(), f.laborContractEnd(), f.startupInQujiang(), f.startupSince(),
                f.startupSector(), f.ownsHomeInQujiang(), f.rentingInQujiang(), f.skillLevel(), f.talentTier(), null,
                f.childrenBirthDates(), f.returnedToRuralQujiang());
    }

    /** Set up as the services' converter is (Spring Boot's: the store's simple types, no custom converters). */
    private static MappingMongoConverter springConverter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
