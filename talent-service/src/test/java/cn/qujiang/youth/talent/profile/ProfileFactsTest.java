package cn.qujiang.youth.talent.profile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.talent.profile.ProfileSections.ConsentGiven;
import cn.qujiang.youth.talent.profile.ProfileSections.Education;
import cn.qujiang.youth.talent.profile.ProfileSections.OtherDegree;
import cn.qujiang.youth.talent.profile.ProfileSections.Employment;
import cn.qujiang.youth.talent.profile.ProfileSections.Family;
import cn.qujiang.youth.talent.profile.ProfileSections.Housing;
import cn.qujiang.youth.talent.profile.ProfileSections.Residence;
import cn.qujiang.youth.talent.profile.ProfileSections.Startup;
import cn.qujiang.youth.talent.profile.validation.ResidentIdNumber;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every answer the applicant gives reaches the eligibility facts, and nothing identifying does. */
class ProfileFactsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static ProfileRequest complete() {
        return new ProfileRequest(null, new ConsentGiven("2026-01", true), "张三", "11010519491231002X",
                "13812345678", "zhang@example.com", "zh",
                new Education(Degree.MASTER, "浙江大学", LocalDate.of(1975, 6, 30),
                        List.of(new OtherDegree(Degree.BACHELOR, LocalDate.of(1972, 6, 30))), true),
                Hukou.QUZHOU_OTHER,
                new Residence(true, false),
                new Employment(EmploymentStatus.SELF_EMPLOYED, "某公司", "91330100716105852F", true, Industry.ESPORTS,
                        LocalDate.of(1990, 1, 1), 2, LocalDate.of(1990, 1, 1), LocalDate.of(1995, 12, 31)),
                new Startup(true, LocalDate.of(1990, 1, 1), Industry.E_COMMERCE),
                new Housing(false, true),
                SkillLevel.TECHNICIAN, TalentTier.C,
                new Family(true, List.of(LocalDate.of(1980, 5, 1)), true));
    }

    @Test
    void everyFactIsFilledFromACompleteProfile() throws Exception {
        ApplicantFacts facts = ProfileService.facts(complete(), ResidentIdNumber.parse("11010519491231002X", TODAY));
        for (RecordComponent component : ApplicantFacts.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(facts)).as(component.getName()).isNotNull();
        }
        assertThat(facts.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(facts.gender()).isEqualTo(Gender.FEMALE);
        assertThat(facts.startupSector()).isEqualTo(Industry.E_COMMERCE);
        assertThat(facts.industry()).isEqualTo(Industry.ESPORTS);
        assertThat(facts.otherDegrees()).containsExactly(new Graduation(Degree.BACHELOR, LocalDate.of(1972, 6, 30)));
    }

    @Test
    void factsCarryNothingThatIdentifiesThePerson() {
        String json = EventJson.write(ProfileService.facts(complete(), ResidentIdNumber.parse("11010519491231002X", TODAY)));
        assertThat(json).doesNotContain("张三", "11010519491231002X", "13812345678", "zhang@example.com", "浙江大学",
                "某公司", "91330100716105852F");
    }

    @Test
    void anIdentityOnlyProfileGivesFactsWithOnlyBirthDateAndGender() {
        ProfileRequest minimal = new ProfileRequest(null, null, "张三", "11010519491231002X", "13812345678", null,
                null, null, null, null, null, null, null, null, null, null);
        ApplicantFacts facts = ProfileService.facts(minimal, ResidentIdNumber.parse("11010519491231002X", TODAY));
        assertThat(facts).isEqualTo(new ApplicantFacts(LocalDate.of(1949, 12, 31), Gender.FEMALE, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null));
    }
}
