package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Applies the applicant events: a newer profile is evaluated against the whole active catalogue and stored with its
 * MatchesEvaluated event in one write; an older or repeated one changes nothing; an erasure leaves a tombstone.
 */
@Component
class ProfileMatching {
    private static final int ATTEMPTS = 5;

    private final MatchStore store;
    private final Matcher matcher;
    private final OutboxRelay relay;

    ProfileMatching(MatchStore store, Matcher matcher, OutboxRelay relay) {
        this.store = store;
        this.matcher = matcher;
        this.relay = relay;
    }

    void profileChanged(ApplicantProfileChanged changed) {
        String applicantId = changed.applicantId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ApplicantMatches> stored = store.find(applicantId);
            if (stored.isPresent() && (stored.get().erased()
                    || stored.get().profileVersion() >= changed.profileVersion())) {
                return;
            }
            Evaluation evaluation = matcher.evaluate(changed.profileVersion(), changed.facts(),
                    changed.heldMeasures());
            MatchDiff diff = MatchDiff.between(stored.map(ApplicantMatches::results).orElse(null),
                    evaluation.lines());
            OutboxEntry event = OutboxEntry.of(evaluation.event(applicantId, Trigger.PROFILE_CHANGED, diff),
                    applicantId, evaluation.evaluatedAt());
            boolean written = stored.isEmpty()
                    ? store.insert(applicantId, evaluation, event)
                    : store.update(applicantId, stored.get().lock(), evaluation, event);
            if (written) {
                relay.wake(ApplicantMatches.COLLECTION, applicantId);
                return;
            }
        }
        // Still racing a re-match after several rounds: let the listener's back-off retry the record later.
        throw new OptimisticLockingFailureException("applicant results kept changing while being evaluated");
    }

    void erased(ApplicantErased erased) {
        store.erase(erased.applicantId());
    }
}
