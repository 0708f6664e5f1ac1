package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationWorkflow.Acting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who works on an application: an officer takes it, lets go of it, or hands it to a colleague from the
 * {@link OfficerDirectory} (a handover stays in the application's history). A claim lapses once it has been idle
 * (neither taken again nor acted on by its officer: {@link ClaimActivity}) for {@code claim-idle}, so one forgotten
 * in the evening does not keep the queue blocked the next day; a lapsed claim is shown to nobody and binds nobody,
 * and the next officer to take or assign the application replaces it.
 */
@Component
class OfficerClaims {
    private final ApplicationStore store;
    private final OfficerDirectory officers;
    private final Clock clock;
    private final Duration idle;

    OfficerClaims(ApplicationStore store, OfficerDirectory officers, Clock clock,
            @Value("${qujiang.talent.claim-idle:PT8H}") Duration idle) {
        this.store = store;
        this.officers = officers;
        this.clock = clock;
        this.idle = idle;
    }

    /** Claims taken before this moment have lapsed. */
    Instant lapsedBefore() {
        return ServiceZone.now(clock).minus(idle);
    }

    ApplicationDocument.Claim live(ApplicationDocument application) {
        return application.liveClaim(lapsedBefore());
    }

    /** 409 CLAIMED_BY_OTHER (naming the colleague) while another officer's claim is live. */
    void requireNotHeldByOther(ApplicationDocument application, Acting officer) {
        if (application.claimedByOther(officer.subject(), lapsedBefore())) {
            throw claimedByOther(application);
        }
    }

    /** The officer takes the application (again: the claim's idle time starts anew). */
    void take(String id, Acting officer) {
        give(id, officer, officer.subject(), officer.userName());
    }

    /**
     * The officer hands the application to {@code userName}: free, lapsed, held by the caller or by that colleague
     * already. 400 OFFICER_UNKNOWN for a user name that is not an officer of the directory.
     */
    void assign(String id, Acting officer, String userName) {
        OfficerDirectory.Officer to = officers.byUserName(userName)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "OFFICER_UNKNOWN", userName));
        give(id, officer, to.subject(), to.userName());
    }

    private void give(String id, Acting officer, String subject, String userName) {
        store.find(id).orElseThrow(() -> ApiException.notFound("application"));
        Instant now = ServiceZone.now(clock);
        ApplicationDocument.Handover handover = subject.equals(officer.subject()) ? null
                : new ApplicationDocument.Handover(now, officer.subject(), officer.userName(), userName);
        if (!store.claim(id, new ApplicationDocument.Claim(subject, userName, now), officer.subject(),
                now.minus(idle), handover)) {
            throw claimedByOther(store.find(id).orElseThrow(() -> ApiException.notFound("application")));
        }
    }

    /** The officer {@code subject} acted on the application: their live claim's idle time starts anew. */
    void active(String id, String subject) {
        Instant now = ServiceZone.now(clock);
        store.refreshClaim(id, subject, now.minus(idle), now);
    }

    /** The officer lets go; 409 CLAIMED_BY_OTHER while a colleague's claim is live. */
    void release(String id, Acting officer) {
        ApplicationDocument application = store.find(id).orElseThrow(() -> ApiException.notFound("application"));
        requireNotHeldByOther(application, officer);
        store.release(id, officer.subject());
    }

    private static ApiException claimedByOther(ApplicationDocument application) {
        String byName = application.claim() == null ? "" : application.claim().byName();
        return new ApiException(HttpStatus.CONFLICT, "CLAIMED_BY_OTHER", byName);
    }
}
