package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.statistics.UptakeCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applications written through the application feature's own store, as its services write them (made, moved with
 * the version read, offers lapsed, erased), for tests of what those writes count (statistics). Remembers each
 * application as it was read before its last move, so that the move can be delivered again from there.
 */
public final class CountedApplications {
    private final ApplicationStore store;
    private final Map<String, Moved> lastMoves = new HashMap<>();

    public CountedApplications(MongoTemplate mongo, UptakeCounts counts) {
        this.store = new ApplicationStore(mongo, counts);
    }

    private record Moved(ApplicationDocument before, ApplicationStatus to, Actor actor, Instant at) {
    }

    /**
     * An application (an offer: {@code offer}) made at {@code at} with the amount the applicant is eligible for;
     * its id, or null when one is open for the measure already.
     */
    public String make(String applicantId, String measureCode, boolean offer, Instant at, Long amount, String unit,
            String benefitKind) {
        ApplicationStatus status = offer ? ApplicationStatus.OFFERED : ApplicationStatus.SUBMITTED;
        MatchResult eligibility = new MatchResult(measureCode, 1, Outcome.ELIGIBLE, amount, unit, benefitKind, false,
                List.of(), List.of(), List.of(), null);
        ApplicationDocument application = new ApplicationDocument(UUID.randomUUID().toString(), 1, applicantId,
                offer ? ApplicationKind.OFFER : ApplicationKind.APPLICATION, measureCode, 1,
                LocalizedText.of("政策", "Measure"), status, ApplicationDocument.openKey(applicantId, measureCode), at,
                at, LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(5), 5, 1, eligibility, null,
                List.of(new Transition(at, offer ? Actor.SYSTEM : Actor.APPLICANT, applicantId, null, null, status,
                        status.name(), null)), null, List.of(), null);
        try {
            store.insert(application);
        } catch (DuplicateKeyException e) {
            return null;
        }
        return application.id();
    }

    /**
     * Moves the application to {@code to} as the workflow does (a resubmission restarts the submission time);
     * false when it is gone or the move is not allowed from where it is.
     */
    public boolean move(String id, String to, boolean byOfficer, Instant at) {
        ApplicationDocument application = store.find(id).orElse(null);
        ApplicationStatus status = ApplicationStatus.valueOf(to);
        Actor actor = byOfficer ? Actor.OFFICER : Actor.APPLICANT;
        if (application == null || !application.status().canMove(status, actor)) {
            return false;
        }
        lastMoves.put(id, new Moved(application, status, actor, at));
        move(application, status, actor, at);
        return true;
    }

    /** The last move of the application delivered again from the version it was read at: refused as stale. */
    public void moveAgain(String id) {
        Moved last = lastMoves.get(id);
        if (last != null) {
            try {
                move(last.before(), last.to(), last.actor(), last.at());
                throw new IllegalStateException("a stale move was written");
            } catch (OptimisticLockingFailureException expected) {
                // the application moved on since: nothing written, nothing counted
            }
        }
    }

    /** The applicant's open offers of the measure lapse (not a decision: counts nothing). */
    public void lapse(String applicantId, String measureCode, Instant at) {
        store.lapseOffers(applicantId, List.of(measureCode), at);
    }

    /** Erasure of everything the applicant made up to {@code at}. */
    public void erase(String applicantId, Instant at) {
        store.deleteAllOf(applicantId, at);
    }

    private void move(ApplicationDocument application, ApplicationStatus to, Actor actor, Instant at) {
        Update extra = new Update();
        if (to == ApplicationStatus.SUBMITTED) {
            extra.set("submittedAt", at);
        }
        store.move(application, new Transition(at, actor, actor == Actor.OFFICER ? "officer-1" : "applicant",
                actor == Actor.OFFICER ? "hr1" : null, application.status(), to, to.name(), null), extra, List.of());
    }
}
