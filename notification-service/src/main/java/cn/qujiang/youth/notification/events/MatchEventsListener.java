package cn.qujiang.youth.notification.events;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import cn.qujiang.youth.notification.delivery.NotificationPlanner;
import cn.qujiang.youth.notification.message.Message;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code policy.match.v1}: one "you now qualify for ..." message per evaluation that made anything new eligible. */
@Component
class MatchEventsListener {
    private static final Logger log = LoggerFactory.getLogger(MatchEventsListener.class);

    private final NotificationPlanner planner;

    MatchEventsListener(NotificationPlanner planner) {
        this.planner = planner;
    }

    @KafkaListener(topics = Topics.POLICY_MATCH)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record).ifPresent(event -> {
            if (event.payload() instanceof MatchesEvaluated matches) {
                Message.newlyEligible(matches).ifPresent(message ->
                        planner.plan(event.id(), matches.applicantId(), matches.evaluatedAt(), message));
            } else {
                log.debug("skipping {} on {}", event.type(), record.topic());
            }
        });
    }
}
