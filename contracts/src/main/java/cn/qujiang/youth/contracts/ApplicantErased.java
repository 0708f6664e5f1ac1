package cn.qujiang.youth.contracts;

import java.time.Instant;

/** The applicant asked to be forgotten (PIPL): every service purges what it holds about them. */
public record ApplicantErased(String applicantId, Instant erasedAt) {
}
