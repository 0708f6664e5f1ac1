package cn.qujiang.youth.notification.events;

import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.BenefitEnded;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import cn.qujiang.youth.notification.delivery.NotificationPlanner;
import cn.qujiang.youth.notification.message.Message;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code talent.application.v1}: a confirmation when an application is submitted, a message when it is decided and
 * when a benefit it granted ends.
 */
@Component
class ApplicationEventsListener {
    private static final Logger log = LoggerFactory.getLogger(ApplicationEventsListener.class);

    private final NotificationPlanner planner;

    ApplicationEventsListener(NotificationPlanner planner) {
        this.planner = planner;
    }

    @KafkaListener(topics = Topics.TALENT_APPLICATION)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record).ifPresent(event -> {
            if (event.payload() instanceof ApplicationSubmitted submitted) {
                planner.plan(event.id(), submitted.applicantId(), submitted.submittedAt(), Message.submitted(submitted));
            } else if (event.payload() instanceof ApplicationDecided decided) {
                planner.plan(event.id(), decided.applicantId(), decided.decidedAt(), Message.decided(decided));
            } else if (event.payload() instanceof BenefitEnded ended) {
                planner.plan(event.id(), ended.applicantId(), ended.endedAt(), Message.benefitEnded(ended));
            } else {
                log.debug("skipping {} on {}", event.type(), record.topic());
            }
        });
    }
}
