package cn.qujiang.youth.talent.profile;

import java.time.Instant;

/** Which version of the privacy notice the applicant accepted, and when. */
public record Consent(String noticeVersion, Instant consentedAt) {
}
