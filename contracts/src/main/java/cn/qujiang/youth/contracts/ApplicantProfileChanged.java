package cn.qujiang.youth.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An applicant saved profile version {@code profileVersion}, or a fact the rules read changed (an approved
 * application adds to {@code heldMeasures}, which mutual exclusions read). Carries eligibility facts only.
 */
public record ApplicantProfileChanged(
        String applicantId,
        long profileVersion,
        Instant changedAt,
        ApplicantFacts facts,
        List<String> heldMeasures) {

    public ApplicantProfileChanged {
        heldMeasures = heldMeasures == null ? List.of() : List.copyOf(heldMeasures);
    }
}
