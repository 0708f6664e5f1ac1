package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import cn.qujiang.youth.talent.admission.MatchingBacklog;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.matches.MatchReadModel.Evaluation;
import cn.qujiang.youth.talent.profile.ProfileService;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the match read model with the results as they arrive, the criterion values sealed with the applicant's
 * event key (the read model keeps them so; whoever shows or keeps them opens them). Results for an
 * applicant without a live profile or without a key (erased, or erasure in progress) are dropped: they must not
 * bring personal traces back.
 */
@Component
class MatchListener {
    private static final Logger log = LoggerFactory.getLogger(MatchListener.class);

    private final MatchReadModel matches;
    private final ProfileService profiles;
    private final ApplicationEventPublisher events;
    private final EventKeys keys;
    private final MatchingBacklog backlog;

    MatchListener(MatchReadModel matches, ProfileService profiles, ApplicationEventPublisher events, EventKeys keys,
            MatchingBacklog backlog) {
        this.matches = matches;
        this.profiles = profiles;
        this.keys = keys;
        this.events = events;
        this.backlog = backlog;
    }

    @KafkaListener(id = "talent-matches", topics = Topics.POLICY_MATCH)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record).ifPresent(event -> {
            if (!(event.payload() instanceof MatchesEvaluated sealed)) {
                log.info("skipping {} on the match topic", event.type());
                return;
            }
            Optional<EventKey> key = keys.find(sealed.applicantId())
                    .filter(k -> sealed.sealedValues() == null || k.sealed(sealed.sealedValues()));
            OptionalLong profileVersion = key.isEmpty() ? OptionalLong.empty()
                    : profiles.liveVersion(sealed.applicantId());
            if (profileVersion.isEmpty()) {
                log.info("dropping match results {} for applicant {} without a live profile", event.id(),
                        sealed.applicantId());
                return;
            }
            matches.apply(sealed, key.get()).ifPresent(stored -> {
                events.publishEvent(new MatchesApplied(sealed, key.get(), profileVersion.getAsLong(), stored));
                observeDelay(sealed, stored);
            });
        });
    }

    /** How long the matching took for a saved version, or that a re-match is flowing ({@link MatchingBacklog}). */
    private void observeDelay(MatchesEvaluated event, Evaluation stored) {
        if (event.trigger() == Trigger.CATALOGUE_CHANGED || event.trigger() == Trigger.DAILY_SWEEP) {
            backlog.rematchResultsStored();
        } else if (event.profileChangedAt() != null && stored.storedAt() != null) {
            backlog.savedResultsStored(Duration.between(event.profileChangedAt(), stored.storedAt()));
        }
    }
}
