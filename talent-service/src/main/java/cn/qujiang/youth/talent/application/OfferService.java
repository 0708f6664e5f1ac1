package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.calendar.Deadlines;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.catalogue.MeasureReplicated;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import cn.qujiang.youth.talent.matches.Matches;
import cn.qujiang.youth.talent.matches.MatchesApplied;
import cn.qujiang.youth.talent.profile.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * 免申即享: for an AUTO_GRANT measure nobody applies. When the matching makes someone newly eligible, an offer is
 * created for the officers to confirm ({@link EligibilityLapse} lets open offers lapse when they no longer qualify).
 * A measure that becomes AUTO_GRANT (or arrives after the match results) is offered to everyone the read model
 * already finds eligible. Creating an offer is idempotent: skipped when one is open or approved, and the unique open
 * key stops two deliveries racing each other.
 */
@Component
class OfferService {
    private static final Logger log = LoggerFactory.getLogger(OfferService.class);
    private static final EnumSet<ApplicationStatus> LIVE = EnumSet.of(ApplicationStatus.OFFERED,
            ApplicationStatus.CONFIRMED, ApplicationStatus.APPROVED, ApplicationStatus.SUBMITTED,
            ApplicationStatus.INFO_REQUESTED);

    private final ApplicationStore store;
    private final CatalogueReplica catalogue;
    private final MatchReadModel matches;
    private final ProfileService profiles;
    private final Deadlines deadlines;
    private final Clock clock;

    OfferService(ApplicationStore store, CatalogueReplica catalogue, MatchReadModel matches, ProfileService profiles,
            Deadlines deadlines, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.matches = matches;
        this.profiles = profiles;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @EventListener
    void on(MatchesApplied applied) {
        MatchesEvaluated event = applied.event();
        List<String> autoGranted = catalogue.autoGranted(event.newlyEligible());
        if (!autoGranted.isEmpty()) {
            // an offer keeps the result with the applicant's values, so only then are they opened
            MatchesEvaluated opened = applied.opened();
            for (String code : autoGranted) {
                opened.results().stream().filter(result -> result.measureCode().equals(code)).findFirst()
                        .ifPresent(result -> offer(event.applicantId(), event.profileVersion(), result, false));
            }
        }
    }

    @EventListener
    void on(MeasureReplicated replicated) {
        MeasurePublished measure = replicated.measure();
        if (measure.mode() != MeasurePublished.Mode.AUTO_GRANT || measure.status() != MeasurePublished.Status.ACTIVE) {
            return;
        }
        for (Matches eligible : matches.eligibleFor(measure.code())) {
            eligible.result(measure.code()).ifPresent(result ->
                    offer(eligible.applicantId(), eligible.profileVersion(), result, true));
        }
    }

    /**
     * A yearly auto-grant whose year ran out is offered again while the latest match still finds the applicant
     * eligible (免申即享 the next year too); otherwise a later "newly eligible" offers it.
     */
    void offerAgain(String applicantId, String code) {
        matches.find(applicantId).ifPresent(latest -> latest.result(code)
                .filter(result -> result.outcome() == Outcome.ELIGIBLE)
                .ifPresent(result -> offer(applicantId, latest.profileVersion(), result, false)));
    }

    /**
     * @param onlyIfNeverOffered a catalogue replay must not re-offer what the applicant declined; a fresh
     *     "newly eligible" may
     */
    private void offer(String applicantId, long profileVersion, MatchResult result, boolean onlyIfNeverOffered) {
        String code = result.measureCode();
        LocalDate today = ServiceZone.today(clock);
        MeasurePublished measure = catalogue.find(code).orElse(null);
        if (measure == null || measure.mode() != MeasurePublished.Mode.AUTO_GRANT || !measure.openOn(today)
                || !profiles.isLive(applicantId)
                || store.exists(applicantId, code, LIVE)
                || (onlyIfNeverOffered && store.existsAny(applicantId, code, ApplicationKind.OFFER))) {
            return;
        }
        Instant now = ServiceZone.now(clock);
        int workingDays = deadlines.workingDays(measure.responseWorkingDays());
        ApplicationDocument offer = new ApplicationDocument(UUID.randomUUID().toString(), 1, applicantId,
                ApplicationKind.OFFER, code, measure.version(), measure.title(), ApplicationStatus.OFFERED,
                ApplicationDocument.openKey(applicantId, code), now, now, deadlines.dueDate(today, workingDays),
                workingDays, profileVersion, result, null,
                List.of(new Transition(now, Actor.SYSTEM, "system", null, null, ApplicationStatus.OFFERED,
                        "AUTO_GRANT_ELIGIBLE", null)),
                null, List.of(), null);
        try {
            store.insert(offer);
        } catch (DuplicateKeyException e) {
            log.debug("offer of {} to applicant {} exists already", code, applicantId);
        }
    }
}
