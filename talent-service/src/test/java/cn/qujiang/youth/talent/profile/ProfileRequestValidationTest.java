package cn.qujiang.youth.talent.profile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.talent.profile.ProfileSections.ConsentGiven;
import cn.qujiang.youth.talent.profile.ProfileSections.Education;
import cn.qujiang.youth.talent.profile.ProfileSections.OtherDegree;
import cn.qujiang.youth.talent.profile.ProfileSections.Employment;
import cn.qujiang.youth.talent.profile.ProfileSections.Family;
import cn.qujiang.youth.talent.profile.ProfileSections.Startup;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProfileRequestValidationTest {
    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static ProfileRequest request(String name, String id, String phone, String email, Education education,
            Employment employment, Startup startup, Family family) {
        return new ProfileRequest(null, new ConsentGiven("2026-01", true), name, id, phone, email, "zh", education,
                null, null, employment, startup, null, null, null, family);
    }

    private static ProfileRequest valid() {
        return request("张三", "11010519491231002X", "13812345678", "zhang@example.com",
                new Education(null, "浙江大学", LocalDate.of(1972, 6, 30), null, true),
                new Employment(null, "某科技公司", "91330100716105852F", true, null, LocalDate.of(2025, 1, 1), 0,
                        LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)),
                null, new Family(false, List.of(), false));
    }

    private static Set<String> invalidFields(ProfileRequest request) {
        return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void aCompleteRealisticProfileIsValid() {
        assertThat(invalidFields(valid())).isEmpty();
    }

    @Test
    void identityIsRequiredEverythingElseIsOptional() {
        assertThat(invalidFields(request(null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("name", "idNumber", "phone");
        assertThat(invalidFields(request("李四", "11010519491231002X", "13912345678", null, null, null, null, null)))
                .isEmpty();
    }

    @Test
    void reportsEachBadFieldByItsPath() {
        ProfileRequest bad = request("张三", "110105194912310021", "12812345678", "not-an-email",
                new Education(null, null, LocalDate.of(1900, 1, 1), null, null),
                new Employment(null, null, "91330100716105852E", null, null, LocalDate.of(1960, 1, 1), -1,
                        LocalDate.now().plusYears(2), LocalDate.now().plusYears(1)),
                new Startup(true, LocalDate.now().plusDays(2), null),
                new Family(null, Collections.nCopies(11, LocalDate.of(2020, 1, 1)), null));
        assertThat(invalidFields(bad)).containsExactlyInAnyOrder("idNumber", "phone", "email",
                "education.graduationDate", "employment.employerCreditCode",
                "employment.socialInsuranceInQujiangSince", "employment.socialInsuranceGapMonths",
                "employment.laborContractStart", "startup.since",
                "family.childrenBirthDates");
    }

    @Test
    void theIdMessageSaysWhatIsWrongWithoutTheNumber() {
        Set<ConstraintViolation<ProfileRequest>> violations = validator.validate(
                request("张三", "110105194912310021", "13812345678", null, null, null, null, null));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getMessageTemplate()).isEqualTo("{talent.validation.idNumber.CHECKSUM}");
            assertThat(v.getMessage()).doesNotContain("110105194912310021");
        });
    }

    @Test
    void graduationBeforeTheAgeOfTenIsRefusedAgainstTheBirthDateInTheId() {
        // born 1949-12-31 per the ID: a graduation in 1955 is a typo
        ProfileRequest typo = request("张三", "11010519491231002X", "13812345678", null,
                new Education(null, null, LocalDate.of(1955, 6, 30), null, null), null, null, null);
        assertThat(invalidFields(typo)).containsExactly("education.graduationDate");
    }

    @Test
    void everyOtherDegreeNeedsItsDegreeAndAPlausibleDate() {
        ProfileRequest typo = request("张三", "11010519491231002X", "13812345678", null,
                new Education(Degree.MASTER, null, LocalDate.of(1975, 6, 30), List.of(
                        new OtherDegree(Degree.BACHELOR, LocalDate.of(1972, 6, 30)),
                        new OtherDegree(Degree.JUNIOR_COLLEGE, LocalDate.of(1955, 6, 30)),
                        new OtherDegree(null, LocalDate.of(1970, 6, 30))), null),
                null, null, null);
        assertThat(invalidFields(typo)).containsExactlyInAnyOrder("education.otherDegrees[1].graduationDate",
                "education.otherDegrees[2].degree");
    }

    @Test
    void aLabourContractCannotEndBeforeItStarts() {
        ProfileRequest backwards = request("张三", "11010519491231002X", "13812345678", null, null,
                new Employment(null, null, null, true, null, null, null, LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 2, 28)),
                null, null);
        assertThat(invalidFields(backwards)).containsExactly("employment.laborContractEnd");
    }

    @Test
    void refusesUnlikelyNames() {
        assertThat(invalidFields(request("张三<script>", "11010519491231002X", "13812345678", null, null, null, null,
                null))).containsExactly("name");
        assertThat(invalidFields(request("阿卜杜·热合曼", "11010519491231002X", "13812345678", null, null, null, null,
                null))).isEmpty();
    }

    @Test
    void consentMustBeAccepted() {
        ProfileRequest declined = new ProfileRequest(null, new ConsentGiven("2026-01", false), "张三",
                "11010519491231002X", "13812345678", null, null, null, null, null, null, null, null, null, null, null);
        assertThat(invalidFields(declined)).containsExactly("consent.accepted");
    }
}
