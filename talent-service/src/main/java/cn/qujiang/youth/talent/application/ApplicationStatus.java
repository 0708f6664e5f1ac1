package cn.qujiang.youth.talent.application;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The life of an application (kind APPLICATION) or an auto-grant offer (kind OFFER), and who may move it where.
 * <pre>
 * APPLICATION: SUBMITTED --officer--> APPROVED | REJECTED | INFO_REQUESTED;  --applicant--> WITHDRAWN
 *              INFO_REQUESTED --officer--> APPROVED | REJECTED;  --applicant--> SUBMITTED (resubmit) | WITHDRAWN
 * OFFER:       OFFERED --officer--> CONFIRMED | REJECTED;  --applicant--> DECLINED;  --system--> LAPSED
 *              CONFIRMED --applicant--> APPROVED (accept) | DECLINED;  --system--> LAPSED
 * BOTH:        APPROVED --officer--> ENDED (ended or revoked with a reason);  --system--> ENDED (term ran out)
 * </pre>
 * APPROVED is decided (no longer open) but the benefit it grants is held until it ENDS. REJECTED, WITHDRAWN,
 * DECLINED, LAPSED and ENDED are final.
 */
public enum ApplicationStatus {
    SUBMITTED, INFO_REQUESTED, OFFERED, CONFIRMED, APPROVED, REJECTED, WITHDRAWN, DECLINED, LAPSED, ENDED;

    public enum Actor { APPLICANT, OFFICER, SYSTEM }

    private static final Map<ApplicationStatus, Map<Actor, Set<ApplicationStatus>>> MOVES = new EnumMap<>(ApplicationStatus.class);

    static {
        MOVES.put(SUBMITTED, Map.of(
                Actor.OFFICER, Set.of(APPROVED, REJECTED, INFO_REQUESTED),
                Actor.APPLICANT, Set.of(WITHDRAWN)));
        MOVES.put(INFO_REQUESTED, Map.of(
                Actor.OFFICER, Set.of(APPROVED, REJECTED),
                Actor.APPLICANT, Set.of(SUBMITTED, WITHDRAWN)));
        MOVES.put(OFFERED, Map.of(
                Actor.OFFICER, Set.of(CONFIRMED, REJECTED),
                Actor.APPLICANT, Set.of(DECLINED),
                Actor.SYSTEM, Set.of(LAPSED)));
        MOVES.put(CONFIRMED, Map.of(
                Actor.APPLICANT, Set.of(APPROVED, DECLINED),
                Actor.SYSTEM, Set.of(LAPSED)));
        MOVES.put(APPROVED, Map.of(
                Actor.OFFICER, Set.of(ENDED),
                Actor.SYSTEM, Set.of(ENDED)));
    }

    public boolean canMove(ApplicationStatus to, Actor actor) {
        return MOVES.getOrDefault(this, Map.of()).getOrDefault(actor, Set.of()).contains(to);
    }

    /** Not yet decided: counts as "open" for the one-open-per-measure rule. */
    public boolean isOpen() {
        return this != APPROVED && MOVES.containsKey(this);
    }

    /** Waiting for an officer, so its due date runs. */
    public boolean awaitsOfficer() {
        return this == SUBMITTED || this == OFFERED;
    }

    public static Set<ApplicationStatus> awaitingOfficer() {
        return Set.of(SUBMITTED, OFFERED);
    }
}
