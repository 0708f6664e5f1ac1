package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.ApplicationDecided.Decision;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.BenefitEnded;
import cn.qujiang.youth.contracts.BenefitEnded.Cause;
import cn.qujiang.youth.contracts.GrantTerm;
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
 * as of the decision, fixes what it grants and takes its claims (see {@link ApprovalClaims}: no excluding measure held or in flight, still
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
     * Approving fixes what is granted ({@link Grant}); ending a benefit (officer: ended or revoked; system: its term
     * ran out) announces BenefitEnded. Both change what is held, so the profile's held measures follow.
     */
    /** Why a benefit ended, as BenefitEnded tells it: the system ends it for its term or for lapsed eligibility. */
    private static Cause cause(Acting acting, String reasonCode) {
        if (acting.actor() != Actor.SYSTEM) {
            return Cause.ENDED_BY_OFFICER;
        }
        return EligibilityLapse.REASON.equals(reasonCode) ? Cause.NO_LONGER_ELIGIBLE : Cause.EXPIRED;
    }

    ApplicationDocument move(ApplicationDocument application, ApplicationStatus to, Acting acting, String reasonCode,
            String comment) {
        if (!application.status().canMove(to, acting.actor())) {
            throw new ApiException(HttpStatus.CONFLICT, "TRANSITION_NOT_ALLOWED", application.status(), to);
        }
        Instant now = ServiceZone.now(clock);
        LocalDate today = ServiceZone.today(clock);
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
                LocalDate due = deadlines.dueDate(today, application.responseWorkingDays());
                extra.set("dueDate", due).set("submittedAt", now);
                events.add(OutboxEntry.of(new ApplicationSubmitted(application.id(), application.applicantId(),
                        application.measureCode(), application.measureVersion(), application.measureTitle(), now, due),
                        application.applicantId(), now));
            }
            case ENDED -> {
                Grant ended = ending(application, acting, today);
                extra.set("profileSyncPending", true).set("grant", ended);
                events.add(OutboxEntry.of(new BenefitEnded(application.id(), application.applicantId(),
                        application.measureCode(), application.measureTitle(),
                        cause(acting, reasonCode), reasonCode,
                        ended.from(), ended.until(), ended.endedOn(), now), application.applicantId(), now));
            }
            default -> {
                // withdrawn, declined, confirmed: nothing for other services to act on
            }
        }
        boolean approving = to == ApplicationStatus.APPROVED;
        Grant granted = null;
        if (approving) {
            granted = approvals.take(application, today, now);
            extra.set("grant", granted);
        }
        try {
            store.move(application, transition, extra, events);
        } catch (OptimisticLockingFailureException e) {
            if (approving) {
                approvals.abandon(application, granted);
            }
            throw e;
        }
        if (approving) {
            approvals.settle(application, granted);
        }
        if (!events.isEmpty()) {
            relay.wake(ApplicationDocument.COLLECTION, application.id());
        }
        if (approving || to == ApplicationStatus.ENDED) {
            heldMeasures.syncQuietly(application.applicantId());
        }
        return store.find(application.id()).orElseThrow();
    }

    /**
     * The grant as it ends: a term that ran out ends the day after its last day, whenever the sweep gets to it; an
     * officer's decision ends it today. An approval from before terms existed counts as held for good from then.
     */
    private static Grant ending(ApplicationDocument application, Acting acting, LocalDate today) {
        Grant grant = application.grant() != null ? application.grant()
                : Grant.decidedOn(GrantTerm.ONE_OFF, application.transitions().stream()
                        .filter(step -> step.to() == ApplicationStatus.APPROVED).map(Transition::at)
                        .map(at -> LocalDate.ofInstant(at, ServiceZone.ZONE)).findFirst().orElse(today));
        LocalDate endedOn = acting.actor() == Actor.SYSTEM && grant.until() != null ? grant.until().plusDays(1) : today;
        return new Grant(grant.term(), grant.from(), grant.until(), grant.period(), endedOn);
    }

    private static OutboxEntry decided(ApplicationDocument application, Decision decision, String reasonCode,
            Instant at) {
        return OutboxEntry.of(new ApplicationDecided(application.id(), application.applicantId(),
                application.measureCode(), application.measureTitle(), decision, reasonCode, at),
                application.applicantId(), at);
    }
}
