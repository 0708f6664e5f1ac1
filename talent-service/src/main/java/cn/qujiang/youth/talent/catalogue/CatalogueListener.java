package cn.qujiang.youth.talent.catalogue;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the replica of the compacted catalogue topic; replays from the beginning on a fresh consumer group. */
@Component
class CatalogueListener {
    private static final Logger log = LoggerFactory.getLogger(CatalogueListener.class);

    private final CatalogueReplica replica;
    private final ApplicationEventPublisher events;

    CatalogueListener(CatalogueReplica replica, ApplicationEventPublisher events) {
        this.replica = replica;
        this.events = events;
    }

    @KafkaListener(id = "talent-catalogue", topics = Topics.POLICY_CATALOGUE)
    void on(ConsumerRecord<String, String> record) {
        InboundEvent.from(record).ifPresent(event -> {
            if (event.payload() instanceof MeasurePublished measure) {
                if (replica.apply(measure)) {
                    events.publishEvent(new MeasureReplicated(measure));
                }
            } else {
                log.info("skipping {} on the catalogue topic", event.type());
            }
        });
    }
}
