package cn.qujiang.youth.notification.events;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import cn.qujiang.youth.notification.catalogue.MeasureTitleReplica;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code policy.catalogue.v1}: keeps the measure titles messages are written with; read from the beginning. */
@Component
class CatalogueEventsListener {
    private static final Logger log = LoggerFactory.getLogger(CatalogueEventsListener.class);

    private final MeasureTitleReplica titles;

    CatalogueEventsListener(MeasureTitleReplica titles) {
        this.titles = titles;
    }

    @KafkaListener(topics = Topics.POLICY_CATALOGUE)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record).ifPresent(event -> {
            if (event.payload() instanceof MeasurePublished measure) {
                titles.apply(measure);
            } else {
                log.debug("skipping {} on {}", event.type(), record.topic());
            }
        });
    }
}
