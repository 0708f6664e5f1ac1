package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An application or offer with its whole history and pending events.
 * <ul>
 * <li>{@code openKey} = applicantId:measureCode while open, removed when final: its unique sparse index makes "one
 *     open application per measure" hold even for two submissions racing each other.</li>
 * <li>{@code eligibilityAtSubmission} is the match result the applicant applied with, for the officer's trace.</li>
 * <li>{@code grant} is set by the approval: what it grants and until when, by the measure's term as of the
 *     decision; {@code grant.endedOn} once it is no longer held.</li>
 * <li>{@code profileSyncPending} is set in the same write as an approval and cleared once the profile's held
 *     measures include it: the recovery marker for the second, separate profile write.</li>
 * <li>{@code claim}: the officer working on it (taken, or assigned by a colleague), so that two do not; cleared by
 *     every change of status, and no longer binding once it has been idle longer than the configured time.</li>
 * <li>{@code handovers}: every time an officer handed it to a colleague, written with the claim it gives, for the
 *     history (claims themselves come and go).</li>
 * </ul>
 */
@Document(ApplicationDocument.COLLECTION)
@CompoundIndex(name = "queue", def = "{'status': 1, 'dueDate': 1}")
@CompoundIndex(name = "expiry", def = "{'status': 1, 'grant.until': 1}")
record ApplicationDocument(
        @Id String id,
        long version,
        @Indexed String applicantId,
        ApplicationKind kind,
        String measureCode,
        int measureVersion,
        LocalizedText measureTitle,
        ApplicationStatus status,
        @Indexed(name = "openKey_unique", unique = true, sparse = true) String openKey,
        Instant createdAt,
        Instant submittedAt,
        LocalDate dueDate,
        int responseWorkingDays,
        long profileVersionAtSubmission,
        MatchResult eligibilityAtSubmission,
        Grant grant,
        List<Transition> transitions,
        Boolean profileSyncPending,
        List<OutboxEntry> outbox,
        Claim claim,
        List<Handover> handovers) {

    static final String COLLECTION = "applications";

    @PersistenceCreator // the one the mapping reads with, not the one for new applications below
    ApplicationDocument {
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        handovers = handovers == null ? List.of() : List.copyOf(handovers);
    }

    /** A new application or offer: nobody has handed it over yet. */
    ApplicationDocument(String id, long version, String applicantId, ApplicationKind kind, String measureCode,
            int measureVersion, LocalizedText measureTitle, ApplicationStatus status, String openKey,
            Instant createdAt, Instant submittedAt, LocalDate dueDate, int responseWorkingDays,
            long profileVersionAtSubmission, MatchResult eligibilityAtSubmission, Grant grant,
            List<Transition> transitions, Boolean profileSyncPending, List<OutboxEntry> outbox, Claim claim) {
        this(id, version, applicantId, kind, measureCode, measureVersion, measureTitle, status, openKey, createdAt,
                submittedAt, dueDate, responseWorkingDays, profileVersionAtSubmission, eligibilityAtSubmission, grant,
                transitions, profileSyncPending, outbox, claim, List.of());
    }

    static String openKey(String applicantId, String measureCode) {
        return applicantId + ":" + measureCode;
    }

    /** An officer took this application at {@code at}: Keycloak subject and user name. */
    record Claim(String by, String byName, Instant at) {
    }

    /** At {@code at} the officer {@code by} ({@code byName}) handed the application to the officer {@code toName}. */
    record Handover(Instant at, String by, String byName, String toName) {
    }

    /**
     * The officer working on it, unless their claim has lapsed: taken (or taken again) before {@code lapsedBefore},
     * it no longer keeps colleagues out.
     */
    Claim liveClaim(Instant lapsedBefore) {
        return claim != null && !claim.at().isBefore(lapsedBefore) ? claim : null;
    }

    /** A live claim of an officer other than {@code subject}. */
    boolean claimedByOther(String subject, Instant lapsedBefore) {
        Claim live = liveClaim(lapsedBefore);
        return live != null && !live.by().equals(subject);
    }

    boolean overdueOn(LocalDate today) {
        return status.awaitsOfficer() && dueDate != null && today.isAfter(dueDate);
    }
}
