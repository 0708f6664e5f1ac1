package cn.qujiang.youth.contracts;

import java.time.Instant;

/**
 * An HR officer decided an application. {@code reasonCode} is a stable code (the officer's free-text comment stays
 * in talent-service, as it may contain personal data).
 */
public record ApplicationDecided(
        String applicationId,
        String applicantId,
        String measureCode,
        LocalizedText measureTitle,
        Decision decision,
        String reasonCode,
        Instant decidedAt) {

    public enum Decision { APPROVED, REJECTED, INFO_REQUESTED }
}
