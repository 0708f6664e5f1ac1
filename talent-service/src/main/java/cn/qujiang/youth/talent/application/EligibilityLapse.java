package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.matches.MatchesApplied;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What losing eligibility ends, as soon as an evaluation finds the applicant no longer eligible (the daily sweep on
 * a birthday, a profile change or a catalogue change): open offers of those measures lapse (免申即享 is only for who
 * qualifies), and a benefit granted "while eligible" (the child allowance, until the child's third birthday) ends.
 * The engine judges eligibility; this only trusts its {@code noLongerEligible}, and reads what it concerns in one
 * query. Each end is one version-guarded move through the workflow (BenefitEnded, held measures re-derived), so a
 * redelivered event or an officer ending the same benefit leaves one ENDED transition.
 */
@Component
class EligibilityLapse {
    static final String REASON = "NO_LONGER_ELIGIBLE";
    private static final Logger log = LoggerFactory.getLogger(EligibilityLapse.class);

    private final ApplicationStore store;
    private final ApplicationWorkflow workflow;
    private final CatalogueReplica catalogue;
    private final Clock clock;

    EligibilityLapse(ApplicationStore store, ApplicationWorkflow workflow, CatalogueReplica catalogue, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @EventListener
    void on(MatchesApplied applied) {
        MatchesEvaluated event = applied.event();
        if (event.noLongerEligible().isEmpty()) {
            return;
        }
        List<ApplicationDocument> concerned = store.concernedByLapse(event.applicantId(), event.noLongerEligible());
        if (concerned.stream().anyMatch(EligibilityLapse::isOpenOffer)) {
            store.lapseOffers(event.applicantId(), event.noLongerEligible(), ServiceZone.now(clock));
        }
        for (ApplicationDocument held : concerned) {
            if (held.status() == ApplicationStatus.APPROVED && grantedWhileEligible(held.measureCode())) {
                end(held);
            }
        }
    }

    private static boolean isOpenOffer(ApplicationDocument application) {
        return application.kind() == ApplicationKind.OFFER && (application.status() == ApplicationStatus.OFFERED
                || application.status() == ApplicationStatus.CONFIRMED);
    }

    private boolean grantedWhileEligible(String code) {
        return catalogue.find(code).map(MeasurePublished::grantTerm).map(GrantTerm::endsWhenIneligible).orElse(false);
    }

    private void end(ApplicationDocument held) {
        try {
            workflow.move(held, ApplicationStatus.ENDED, HoldingExpiry.SYSTEM, REASON, null);
            log.info("ended a benefit of {} granted while eligible: the holder no longer qualifies", held.measureCode());
        } catch (OptimisticLockingFailureException e) {
            // an officer or a redelivery moved it first
        }
    }
}
