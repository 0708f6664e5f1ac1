package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.ApplicationDecided.Decision;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.calendar.Deadlines;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
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
 * The one place where applications change status: checks the move against the state machine, takes a quota place
 * for an approval (see {@link QuotaCounters}), writes status + transition + events in one guarded update, and then brings the profile's held
 * measures up to date. Used by applicants (withdraw, resubmit, accept) and officers (decide, confirm) alike.
 */
@Component
public class ApplicationWorkflow {
    private final ApplicationStore store;
    private final QuotaCounters quotas;
    private final HeldMeasures heldMeasures;
    private final CatalogueReplica catalogue;
    private final Deadlines deadlines;
    private final OutboxRelay relay;
    private final Clock clock;

    ApplicationWorkflow(ApplicationStore store, QuotaCounters quotas, HeldMeasures heldMeasures,
            CatalogueReplica catalogue, Deadlines deadlines, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.quotas = quotas;
        this.heldMeasures = heldMeasures;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.relay = relay;
        this.clock = clock;
    }

    /** Who acts: the Keycloak subject, and for officers their user name (applicants' names are never copied). */
    public record Acting(Actor actor, String subject, String userName) {
    }

    /**
     * Moves {@code application} (as read, at its version) to {@code to}. 409 TRANSITION_NOT_ALLOWED when the state
     * machine forbids it, QUOTA_EXHAUSTED when an approval finds no place left, STALE_VERSION when someone else moved
     * it first (then a place taken here is given back).
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
        boolean placeTaken = to == ApplicationStatus.APPROVED && takeQuotaPlace(application, now);
        try {
            store.move(application, transition, extra, events);
        } catch (OptimisticLockingFailureException e) {
            if (placeTaken) {
                giveBackUnlessApproved(application);
            }
            throw e;
        }
        if (placeTaken) {
            quotas.settle(application.measureCode(), application.id());
        }
        if (!events.isEmpty()) {
            relay.wake(ApplicationDocument.COLLECTION, application.id());
        }
        if (to == ApplicationStatus.APPROVED) {
            heldMeasures.syncQuietly(application.applicantId());
        }
        return store.find(application.id()).orElseThrow();
    }

    private boolean takeQuotaPlace(ApplicationDocument application, Instant now) {
        String measureCode = application.measureCode();
        Integer quota = catalogue.find(measureCode).map(MeasurePublished::quota).orElse(null);
        if (!quotas.reserve(measureCode, application.id(), quota, now)) {
            throw new ApiException(HttpStatus.CONFLICT, "QUOTA_EXHAUSTED", measureCode);
        }
        return true;
    }

    /**
     * Someone else moved the application first. If that was an approval too (two officers at once), the claim is
     * theirs as well and the place stays; otherwise it is given back.
     */
    private void giveBackUnlessApproved(ApplicationDocument application) {
        boolean approved = store.find(application.id()).map(ApplicationDocument::status)
                .filter(ApplicationStatus.APPROVED::equals).isPresent();
        if (approved) {
            quotas.settle(application.measureCode(), application.id());
        } else {
            quotas.release(application.measureCode(), application.id());
        }
    }

    private static OutboxEntry decided(ApplicationDocument application, Decision decision, String reasonCode,
            Instant at) {
        return OutboxEntry.of(new ApplicationDecided(application.id(), application.applicantId(),
                application.measureCode(), application.measureTitle(), decision, reasonCode, at),
                application.applicantId(), at);
    }
}
