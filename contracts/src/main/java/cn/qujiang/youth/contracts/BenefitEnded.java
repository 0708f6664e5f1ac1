package cn.qujiang.youth.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A measure the applicant held is no longer held: its term ran out ({@code EXPIRED}, reason {@code TERM_EXPIRED}),
 * an HR officer ended it ({@code ENDED_BY_OFFICER}) with a stable reason code, or a benefit granted while
 * eligible lapsed when a re-match found the holder no longer eligible ({@code NO_LONGER_ELIGIBLE}, reason
 * {@code NO_LONGER_ELIGIBLE}: a child allowance on the child's third birthday). The officer's comment stays in
 * talent-service. {@code grantedUntil} is the last day the term would have covered (absent for a grant held for
 * good); {@code endedOn} is the first day it is no longer held.
 */
public record BenefitEnded(
        String applicationId,
        String applicantId,
        String measureCode,
        LocalizedText measureTitle,
        Cause cause,
        String reasonCode,
        LocalDate grantedFrom,
        LocalDate grantedUntil,
        LocalDate endedOn,
        Instant endedAt) {

    public enum Cause { EXPIRED, ENDED_BY_OFFICER, NO_LONGER_ELIGIBLE }
}
