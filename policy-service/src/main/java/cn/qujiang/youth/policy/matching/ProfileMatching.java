package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.policy.eventkey.ApplicantKeys;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Applies the applicant events: a newer profile's facts are opened with the applicant's event key, evaluated against
 * the whole active catalogue and stored with its MatchesEvaluated event (values sealed with the same key) in one
 * write; an older or repeated one changes nothing; one whose key is gone belongs to an erased applicant and is
 * skipped; an erasure leaves a tombstone and forgets the key.
 */
@Component
class ProfileMatching {
    private static final Logger log = LoggerFactory.getLogger(ProfileMatching.class);
    private static final int ATTEMPTS = 5;

    private final MatchStore store;
    private final Matcher matcher;
    private final OutboxRelay relay;
    private final ApplicantKeys keys;

    ProfileMatching(MatchStore store, Matcher matcher, OutboxRelay relay, ApplicantKeys keys) {
        this.store = store;
        this.matcher = matcher;
        this.relay = relay;
        this.keys = keys;
    }

    void profileChanged(ApplicantProfileChanged changed) {
        String applicantId = changed.applicantId();
        EventKey key = null;
        ApplicantFacts facts = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ApplicantMatches> stored = store.findToMatch(applicantId);
            if (stored.isPresent() && (stored.get().erased()
                    || stored.get().profileVersion() >= changed.profileVersion())) {
                return;
            }
            if (key == null) {
                Optional<EventKey> found = keys.find(applicantId).filter(k -> k.sealed(changed.facts()));
                if (found.isEmpty()) {
                    log.info("skipping profile version {} of erased applicant {}", changed.profileVersion(),
                            applicantId);
                    return;
                }
                key = found.get();
                facts = changed.facts(key);
            }
            Evaluation evaluation = matcher.evaluate(changed.profileVersion(), facts, changed.heldMeasures());
            MatchDiff diff = MatchDiff.between(stored.map(ApplicantMatches::results).orElse(null),
                    evaluation.lines());
            OutboxEntry event = OutboxEntry.of(
                    evaluation.event(applicantId, Trigger.PROFILE_CHANGED, diff)
                            .withProfileChangedAt(changed.changedAt()).sealValues(key),
                    applicantId, evaluation.evaluatedAt());
            boolean written = stored.isEmpty()
                    ? store.insert(applicantId, evaluation, event)
                    : store.update(applicantId, stored.get().lock(), diff, evaluation, event);
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
        keys.forget(erased.applicantId());
    }
}
