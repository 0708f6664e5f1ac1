package cn.qujiang.youth.notification.news;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code policy.match.v1}: what each evaluation newly made eligible, or no longer, is gathered as the applicant's
 * news ({@link NewsStore}); {@link NewsSender} tells it in one message once the applicant has settled.
 */
@Component
class MatchEventsListener {
    private static final Logger log = LoggerFactory.getLogger(MatchEventsListener.class);

    private final NewsStore news;
    private final Clock clock;

    MatchEventsListener(NewsStore news, Clock clock) {
        this.news = news;
        this.clock = clock;
    }

    /**
     * Fetched in batches: news leaves after {@code quiet} (30 s) anyway, so waiting up to half a second for 64 KB of
     * evaluations (four of a profile save's) costs the resident nothing, while taking them one fetch each made this
     * consumer's polling a fifth of the service's samples during a burst of saves (load-harness README, run U).
     */
    @KafkaListener(topics = Topics.POLICY_MATCH, properties = {"fetch.min.bytes=65536", "fetch.max.wait.ms=500"})
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record).ifPresent(event -> {
            if (event.payload() instanceof MatchesEvaluated matches) {
                if (!matches.newlyEligible().isEmpty() || !matches.noLongerEligible().isEmpty()) {
                    news.gather(event.id(), matches, clock.instant());
                }
            } else {
                log.debug("skipping {} on {}", event.type(), record.topic());
            }
        });
    }
}
