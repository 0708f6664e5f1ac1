package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import cn.qujiang.youth.talent.profile.ProfileService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the match read model. Results for an applicant without a live profile (erased, or erasure in progress) are
 * dropped: they must not bring personal traces back.
 */
@Component
class MatchListener {
    private static final Logger log = LoggerFactory.getLogger(MatchListener.class);

    private final MatchReadModel matches;
    private final ProfileService profiles;
    private final ApplicationEventPublisher events;

    MatchListener(MatchReadModel matches, ProfileService profiles, ApplicationEventPublisher events) {
        this.matches = matches;
        this.profiles = profiles;
        this.events = events;
    }

    @KafkaListener(id = "talent-matches", topics = Topics.POLICY_MATCH)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record).ifPresent(event -> {
            if (!(event.payload() instanceof MatchesEvaluated evaluated)) {
                log.info("skipping {} on the match topic", event.type());
                return;
            }
            if (!profiles.isLive(evaluated.applicantId())) {
                log.info("dropping match results {} for applicant {} without a live profile", event.id(),
                        evaluated.applicantId());
                return;
            }
            if (matches.apply(evaluated)) {
                events.publishEvent(new MatchesApplied(evaluated));
            }
        });
    }
}
