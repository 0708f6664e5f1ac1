package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
import cn.qujiang.youth.talent.profile.ProfileSections.ConsentView;
import cn.qujiang.youth.talent.profile.ProfileSections.Education;
import cn.qujiang.youth.talent.profile.ProfileSections.Employment;
import cn.qujiang.youth.talent.profile.ProfileSections.Family;
import cn.qujiang.youth.talent.profile.ProfileSections.Housing;
import cn.qujiang.youth.talent.profile.ProfileSections.OtherDegree;
import cn.qujiang.youth.talent.profile.ProfileSections.Residence;
import cn.qujiang.youth.talent.profile.ProfileSections.Startup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The caller's own profile, decrypted for them, with what the server derived (birth date, gender, held measures). */
public record ProfileView(
        String applicantId,
        long version,
        String name,
        String idNumber,
        String phone,
        String email,
        String preferredLanguage,
        LocalDate birthDate,
        Gender gender,
        Education education,
        Hukou hukou,
        Residence residence,
        Employment employment,
        Startup startup,
        Housing housing,
        SkillLevel skillLevel,
        TalentTier talentTier,
        Family family,
        List<String> heldMeasures,
        ConsentView consent,
        String currentNoticeVersion,
        Instant updatedAt) {

    public static ProfileView of(Profile profile, String currentNoticeVersion) {
        ApplicantFacts f = profile.facts();
        ProfileDetails d = profile.details() == null ? new ProfileDetails(null, null, null) : profile.details();
        PersonalData p = profile.personal();
        return new ProfileView(profile.applicantId(), profile.version(), p.name(), p.idNumber(), p.phone(), p.email(),
                profile.preferredLanguage(), f.birthDate(), f.gender(),
                new Education(f.degree(), d.school(), f.graduationDate(),
                        f.otherDegrees() == null ? null : f.otherDegrees().stream().map(OtherDegree::of).toList(),
                        f.topUniversity()),
                f.hukou(),
                new Residence(f.residesInQujiang(), f.firstTimeInQujiang()),
                new Employment(f.employmentStatus(), d.employer(), d.employerCreditCode(), f.employerInQujiang(),
                        f.industry(), f.socialInsuranceInQujiangSince(), f.socialInsuranceGapMonths(),
                        f.laborContractStart(), f.laborContractEnd()),
                new Startup(f.startupInQujiang(), f.startupSince(), f.startupSector()),
                new Housing(f.ownsHomeInQujiang(), f.rentingInQujiang()),
                f.skillLevel(), f.talentTier(),
                new Family(f.married(), f.childrenBirthDates(), f.returnedToRuralQujiang()),
                profile.heldMeasures(),
                profile.consent() == null ? null
                        : new ConsentView(profile.consent().noticeVersion(), profile.consent().consentedAt()),
                currentNoticeVersion, profile.updatedAt());
    }
}
