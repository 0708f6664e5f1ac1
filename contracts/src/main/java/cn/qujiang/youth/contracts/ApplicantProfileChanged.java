package cn.qujiang.youth.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An applicant saved profile version {@code profileVersion}, or a fact the rules read changed (an approved
 * application adds to {@code heldMeasures}, which mutual exclusions read). The eligibility facts travel sealed with
 * the applicant's {@link EventKey} ({@link #sealing}, {@link #facts(EventKey)}): birth date, dates of graduation,
 * contract and children identify a person even without a name, so once the key is erased no copy of this event can
 * be read back. Ids, versions and held measure codes stay in clear for routing.
 */
public record ApplicantProfileChanged(
        String applicantId,
        long profileVersion,
        Instant changedAt,
        SealedPart facts,
        List<String> heldMeasures) {

    public ApplicantProfileChanged {
        heldMeasures = heldMeasures == null ? List.of() : List.copyOf(heldMeasures);
    }

    /** The event with {@code facts} sealed under the applicant's key. */
    public static ApplicantProfileChanged sealing(String applicantId, long profileVersion, Instant changedAt,
            ApplicantFacts facts, List<String> heldMeasures, EventKey key) {
        return new ApplicantProfileChanged(applicantId, profileVersion, changedAt,
                key.seal(facts, context(applicantId)), heldMeasures);
    }

    /**
     * The facts, opened with the applicant's key.
     *
     * @throws Gcm.SealBrokenException when {@code key} is not the one they were sealed with
     */
    public ApplicantFacts facts(EventKey key) {
        return key.open(facts, context(applicantId), ApplicantFacts.class);
    }

    private static String context(String applicantId) {
        return "ApplicantProfileChanged.facts:" + applicantId;
    }
}
