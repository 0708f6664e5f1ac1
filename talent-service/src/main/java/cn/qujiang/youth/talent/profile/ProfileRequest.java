package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
import cn.qujiang.youth.talent.profile.ProfileSections.ConsentGiven;
import cn.qujiang.youth.talent.profile.ProfileSections.Education;
import cn.qujiang.youth.talent.profile.ProfileSections.Employment;
import cn.qujiang.youth.talent.profile.ProfileSections.Family;
import cn.qujiang.youth.talent.profile.ProfileSections.Housing;
import cn.qujiang.youth.talent.profile.ProfileSections.Residence;
import cn.qujiang.youth.talent.profile.ProfileSections.Startup;
import cn.qujiang.youth.talent.profile.validation.DatesAfterBirth;
import cn.qujiang.youth.talent.profile.validation.MobileNumber;
import cn.qujiang.youth.talent.profile.validation.ValidResidentId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The whole profile as the applicant saves it (PUT replaces it). {@code version} is the version the applicant read
 * (or send it as If-Match); it is absent for a first save. Birth date and gender are not here: they are read from
 * the ID number. Owner, status and the held measures are the server's: a body naming them is refused.
 */
@DatesAfterBirth
@Schema(example = """
        {"version": 2,
         "consent": {"noticeVersion": "2026-01", "accepted": true},
         "name": "张三", "idNumber": "11010519491231002X", "phone": "13812345678", "email": "zhang@example.com",
         "preferredLanguage": "zh",
         "education": {"degree": "BACHELOR", "school": "浙江大学", "graduationDate": "2025-06-30", "topUniversity": true},
         "hukou": "OUT_OF_PROVINCE",
         "residence": {"residesInQujiang": true, "firstTimeInQujiang": true},
         "employment": {"status": "EMPLOYED", "employerInQujiang": true, "industry": "DIGITAL_ECONOMY",
                        "socialInsuranceInQujiangSince": "2025-09-01", "socialInsuranceGapMonths": 0,
                        "laborContractStart": "2025-09-01", "laborContractEnd": "2028-08-31"},
         "housing": {"ownsHomeInQujiang": false, "rentingInQujiang": true},
         "skillLevel": "NONE", "talentTier": "NONE",
         "family": {"married": false, "childrenBirthDates": []}}
        """)
public record ProfileRequest(
        @PositiveOrZero Long version,
        @Valid ConsentGiven consent,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[\\p{L}\\p{M}·•.' -]+", message = "{talent.validation.name}") String name,
        @NotBlank @ValidResidentId String idNumber,
        @NotBlank @MobileNumber String phone,
        @Email(message = "{talent.validation.email}") @Size(max = 254) String email,
        @Pattern(regexp = "zh|en", message = "{talent.validation.language}") String preferredLanguage,
        @Valid Education education,
        Hukou hukou,
        @Valid Residence residence,
        @Valid Employment employment,
        @Valid Startup startup,
        @Valid Housing housing,
        SkillLevel skillLevel,
        TalentTier talentTier,
        @Valid Family family) {
}
