package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.matches.MatchesApplied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Ends a benefit granted "while eligible" (the child allowance, until the child's third birthday) as soon as a
 * re-match finds its holder no longer eligible: the daily sweep on the birthday, a profile change or a catalogue
 * change. The engine judges eligibility; this only trusts its {@code noLongerEligible}. Each end is one
 * version-guarded move through the workflow (BenefitEnded, held measures re-derived), so a redelivered event or an
 * officer ending the same benefit leaves one ENDED transition.
 */
@Component
class EligibilityLapse {
    static final String REASON = "NO_LONGER_ELIGIBLE";
    private static final Logger log = LoggerFactory.getLogger(EligibilityLapse.class);

    private final ApplicationStore store;
    private final ApplicationWorkflow workflow;
    private final CatalogueReplica catalogue;

    EligibilityLapse(ApplicationStore store, ApplicationWorkflow workflow, CatalogueReplica catalogue) {
        this.store = store;
        this.workflow = workflow;
        this.catalogue = catalogue;
    }

    @EventListener
    void on(MatchesApplied applied) {
        MatchesEvaluated event = applied.event();
        if (event.noLongerEligible().isEmpty()) {
            return;
        }
        // only the benefits concerned are read, not every application with its eligibility snapshot and history
        for (ApplicationDocument held : store.approved(event.applicantId(), event.noLongerEligible())) {
            if (grantedWhileEligible(held.measureCode())) {
                end(held);
            }
        }
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
