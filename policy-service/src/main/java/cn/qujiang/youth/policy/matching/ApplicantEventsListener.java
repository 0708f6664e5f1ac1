package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one listener of {@code talent.applicant.v1}. Failures are not caught here: the kit's error handler retries
 * with back-off and then parks the record on the dead-letter topic.
 */
@Component
class ApplicantEventsListener {
    private static final Logger log = LoggerFactory.getLogger(ApplicantEventsListener.class);

    private final ProfileMatching matching;

    ApplicantEventsListener(ProfileMatching matching) {
        this.matching = matching;
    }

    @KafkaListener(topics = Topics.TALENT_APPLICANT)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record).ifPresent(event -> {
            if (event.payload() instanceof ApplicantProfileChanged changed) {
                matching.profileChanged(changed);
            } else if (event.payload() instanceof ApplicantErased erased) {
                matching.erased(erased);
            } else {
                log.info("skipping event {} of type {}", event.id(), event.type().typeId());
            }
        });
    }
}
