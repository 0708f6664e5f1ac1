package cn.qujiang.youth.notification.events;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import cn.qujiang.youth.notification.erasure.ApplicantErasure;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code talent.applicant.v1}: only erasure matters here. Profile changes carry no contact details and are
 * ignored (by their type header, without reading them: one passes by with every save); contacts are read from
 * talent-service when a message is sent.
 */
@Component
class ApplicantEventsListener {
    private static final Set<EventType> ERASURES = EnumSet.of(EventType.APPLICANT_ERASED);
    private final ApplicantErasure erasure;

    ApplicantEventsListener(ApplicantErasure erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(topics = Topics.TALENT_APPLICANT)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record, ERASURES).ifPresent(event -> {
            if (event.payload() instanceof ApplicantErased erased) {
                erasure.erase(erased.applicantId(), erased.erasedAt());
            }
        });
    }
}
