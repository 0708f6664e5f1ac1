package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.GrantTerm.Term;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.application.ApplicationWorkflow.Acting;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the benefits whose term ran out: each approval whose {@code grant.until} lies before today (in the district's
 * zone) moves to ENDED through the workflow, which announces BenefitEnded and takes the measure out of the profile's
 * held measures (so policy-service re-matches and what it excluded opens again). Runs shortly after midnight and at
 * start-up, so a day the service was down is caught up. Each move is one version-guarded write: two instances
 * sweeping at once, or an officer ending the same benefit, leave one ENDED transition and one event.
 */
@Component
class HoldingExpiry {
    static final String REASON = "TERM_EXPIRED";
    private static final Logger log = LoggerFactory.getLogger(HoldingExpiry.class);
    private static final int PAGE = 200;
    static final Acting SYSTEM = new Acting(Actor.SYSTEM, "system", null);
    private static final String LOCK = "talent.holding-expiry";
    /** Held after a run, so that an instance whose clock is a little behind does not sweep the same day again. */
    private static final String LOCK_AT_LEAST_FOR = "${qujiang.talent.expiry-lock-at-least-for:PT1M}";

    private final ApplicationStore store;
    private final ApplicationWorkflow workflow;
    private final OfferService offers;
    private final Clock clock;

    HoldingExpiry(ApplicationStore store, ApplicationWorkflow workflow, OfferService offers, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.offers = offers;
        this.clock = clock;
    }

    @Scheduled(cron = "${qujiang.talent.expiry-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = LOCK_AT_LEAST_FOR)
    void daily() {
        sweep();
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = LOCK_AT_LEAST_FOR)
    void started() {
        sweep();
    }

    /** Ends every benefit whose term ran out before today; returns how many this run ended. */
    int sweep() {
        LocalDate today = ServiceZone.today(clock);
        int ended = 0;
        List<ApplicationDocument> expired = store.expiredBy(today, PAGE);
        while (!expired.isEmpty()) {
            int before = ended;
            for (ApplicationDocument holding : expired) {
                ended += end(holding) ? 1 : 0;
            }
            if (ended == before) {
                break; // every one of this page was ended by someone else meanwhile and is no longer found
            }
            expired = store.expiredBy(today, PAGE);
        }
        if (ended > 0) {
            log.info("ended {} benefits whose term ran out before {}", ended, today);
        }
        return ended;
    }

    private boolean end(ApplicationDocument holding) {
        try {
            workflow.move(holding, ApplicationStatus.ENDED, SYSTEM, REASON, null);
        } catch (OptimisticLockingFailureException e) {
            return false; // an officer or another instance moved it first
        }
        if (holding.kind() == ApplicationKind.OFFER && holding.grant().term() == Term.CALENDAR_YEAR) {
            // a yearly auto-grant is granted again for the new year; one for N months has run its course
            offers.offerAgain(holding.applicantId(), holding.measureCode());
        }
        return true;
    }
}
