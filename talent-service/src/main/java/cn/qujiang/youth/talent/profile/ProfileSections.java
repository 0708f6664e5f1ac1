package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.talent.profile.validation.SaneDate;
import cn.qujiang.youth.talent.profile.validation.ValidCreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The sections of a profile as the applicant sends and reads them. Every section and field is optional. */
public final class ProfileSections {
    private ProfileSections() {
    }

    /** Acceptance of the privacy notice shown in the app; the server records when. */
    public record ConsentGiven(@NotBlank @Size(max = 20) String noticeVersion, @AssertTrue boolean accepted) {
    }

    public record ConsentView(String noticeVersion, Instant consentedAt) {
    }

    /**
     * The highest degree held or studied for, with its (expected) graduation date, and the applicant's other
     * degrees with theirs: a master due next year and the bachelor held since 2024 are both eligibility facts.
     */
    public record Education(
            Degree degree,
            @Size(max = 100) String school,
            @SaneDate(notBefore = "1950-01-01", yearsAhead = 6) LocalDate graduationDate,
            @Size(max = 5) List<@NotNull @Valid OtherDegree> otherDegrees,
            Boolean topUniversity) {
    }

    /** A degree besides the highest; no graduation date: held, since an unknown day. */
    public record OtherDegree(
            @NotNull Degree degree,
            @SaneDate(notBefore = "1950-01-01", yearsAhead = 6) LocalDate graduationDate) {

        static OtherDegree of(Graduation graduation) {
            return new OtherDegree(graduation.degree(), graduation.date());
        }

        Graduation graduation() {
            return new Graduation(degree, graduationDate);
        }
    }

    public record Residence(Boolean residesInQujiang, Boolean firstTimeInQujiang) {
    }

    public record Employment(
            EmploymentStatus status,
            @Size(max = 100) String employer,
            @ValidCreditCode String employerCreditCode,
            Boolean employerInQujiang,
            Industry industry,
            @SaneDate(notBefore = "1970-01-01") LocalDate socialInsuranceInQujiangSince,
            @Min(0) @Max(600) Integer socialInsuranceGapMonths,
            @SaneDate(notBefore = "1970-01-01", yearsAhead = 1) LocalDate laborContractStart,
            @SaneDate(notBefore = "1970-01-01", yearsAhead = 50) LocalDate laborContractEnd) {
    }

    public record Startup(
            Boolean registeredInQujiang,
            @SaneDate(notBefore = "1950-01-01") LocalDate since,
            Industry sector) {
    }

    public record Housing(Boolean ownsHomeInQujiang, Boolean rentingInQujiang) {
    }

    /** {@code childrenBirthDates}: every child's birth date, so that "children under 3" follows the calendar. */
    public record Family(
            Boolean married,
            @Size(max = 10) List<@NotNull @SaneDate(notBefore = "1970-01-01") LocalDate> childrenBirthDates,
            Boolean returnedToRuralQujiang) {
    }
}
