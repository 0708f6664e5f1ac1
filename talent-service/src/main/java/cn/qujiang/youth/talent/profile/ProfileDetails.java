package cn.qujiang.youth.talent.profile;

/**
 * Profile data that is no eligibility fact: shown back to the applicant and to officers, never sent in events.
 * The credit code is the employer's (an organisation's), not personal data.
 */
public record ProfileDetails(String school, String employer, String employerCreditCode) {
}
