package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.ApplicationDecided.Decision;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.calendar.Deadlines;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one place where applications change status: checks the move against the state machine, re-checks an approval
 * as of the decision and takes its claims (see {@link ApprovalClaims}: no excluding measure held or in flight, still
 * eligible, a quota place), writes status + transition + events in one guarded update, and then brings the
 * profile's held measures up to date. Used by applicants (withdraw, resubmit, accept) and officers (decide, confirm)
 * alike.
 */
@Component
public class ApplicationWorkflow {
    private final ApplicationStore store;
    private final ApprovalClaims approvals;
    private final HeldMeasures heldMeasures;
    private final Deadlines deadlines;
    private final OutboxRelay relay;
    private final Clock clock;

    ApplicationWorkflow(ApplicationStore store, ApprovalClaims approvals, HeldMeasures heldMeasures,
            Deadlines deadlines, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.approvals = approvals;
        this.heldMeasures = heldMeasures;
        this.deadlines = deadlines;
        this.relay = relay;
        this.clock = clock;
    }

    /** Who acts: the Keycloak subject, and for officers their user name (applicants' names are never copied). */
    public record Acting(Actor actor, String subject, String userName) {
    }

    /**
     * Moves {@code application} (as read, at its version) to {@code to}. 409 TRANSITION_NOT_ALLOWED when the state
     * machine forbids it; for an approval 409 APPROVAL_EXCLUDED, APPROVAL_NOT_ELIGIBLE or QUOTA_EXHAUSTED (nothing
     * written); STALE_VERSION when someone else moved it first (then what the approval took is given back).
     */
    ApplicationDocument move(ApplicationDocument application, ApplicationStatus to, Acting acting, String reasonCode,
            String comment) {
        if (!application.status().canMove(to, acting.actor())) {
            throw new ApiException(HttpStatus.CONFLICT, "TRANSITION_NOT_ALLOWED", application.status(), to);
        }
        Instant now = ServiceZone.now(clock);
        Transition transition = new Transition(now, acting.actor(), acting.subject(), acting.userName(),
                application.status(), to, reasonCode, comment);
        Update extra = new Update();
        List<OutboxEntry> events = new ArrayList<>();
        switch (to) {
            case APPROVED -> {
                extra.set("profileSyncPending", true);
                events.add(decided(application, Decision.APPROVED, reasonCode, now));
            }
            case REJECTED -> events.add(decided(application, Decision.REJECTED, reasonCode, now));
            case INFO_REQUESTED -> events.add(decided(application, Decision.INFO_REQUESTED, reasonCode, now));
            case SUBMITTED -> {
                // a resubmission after a request for information: the response time starts again
                LocalDate due = deadlines.dueDate(ServiceZone.today(clock), application.responseWorkingDays());
                extra.set("dueDate", due).set("submittedAt", now);
                events.add(OutboxEntry.of(new ApplicationSubmitted(application.id(), application.applicantId(),
                        application.measureCode(), application.measureVersion(), application.measureTitle(), now, due),
                        application.applicantId(), now));
            }
            default -> {
                // withdrawn, declined, confirmed: nothing for other services to act on
            }
        }
        boolean approving = to == ApplicationStatus.APPROVED;
        if (approving) {
            approvals.take(application, now);
        }
        try {
            store.move(application, transition, extra, events);
        } catch (OptimisticLockingFailureException e) {
            if (approving) {
                approvals.abandon(application);
            }
            throw e;
        }
        if (approving) {
            approvals.settle(application);
        }
        if (!events.isEmpty()) {
            relay.wake(ApplicationDocument.COLLECTION, application.id());
        }
        if (approving) {
            heldMeasures.syncQuietly(application.applicantId());
        }
        return store.find(application.id()).orElseThrow();
    }

    private static OutboxEntry decided(ApplicationDocument application, Decision decision, String reasonCode,
            Instant at) {
        return OutboxEntry.of(new ApplicationDecided(application.id(), application.applicantId(),
                application.measureCode(), application.measureTitle(), decision, reasonCode, at),
                application.applicantId(), at);
    }
}
