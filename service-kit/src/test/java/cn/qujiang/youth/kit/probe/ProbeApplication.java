package cn.qujiang.youth.kit.probe;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.kit.messaging.InboundEvent;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.kit.security.Roles;
import cn.qujiang.youth.kit.security.ServiceSecurity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the kit, as the real services are: one secured route, one aggregate, one listener. */
@SpringBootApplication
public class ProbeApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
        return security.build(http, routes -> routes.requestMatchers("/api/probe/me/**").hasRole(Roles.APPLICANT));
    }

    @Document("probes")
    record Probe(@Id String id, List<OutboxEntry> outbox) {
    }

    record Note(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 10) String text) {
    }

    @RestController
    static class ProbeController {
        private final MongoTemplate mongo;
        private final OutboxRelay relay;

        ProbeController(MongoTemplate mongo, OutboxRelay relay) {
            this.mongo = mongo;
            this.relay = relay;
        }

        @GetMapping("/api/probe/me")
        Map<String, String> me(Authentication authentication) {
            Caller caller = Caller.of(authentication);
            return Map.of("id", caller.id(), "username", caller.username());
        }

        /** A body the client writes, to see how the kit refuses wrong ones. */
        @PostMapping("/api/probe/me/notes")
        Map<String, String> note(@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Note note) {
            return Map.of("text", note.text());
        }

        /** Stores a state change and its event in one document write, as every aggregate of the suite does. */
        @PostMapping("/api/probe/me/erasures/{applicantId}")
        Map<String, String> erase(@PathVariable String applicantId) {
            OutboxEntry entry = OutboxEntry.of(new ApplicantErased(applicantId, Instant.parse("2026-04-01T02:00:00Z")),
                    applicantId, Instant.now());
            mongo.save(new Probe(applicantId, List.of(entry)));
            relay.wake("probes", applicantId);
            return Map.of("eventId", entry.eventId());
        }
    }

    @org.springframework.stereotype.Component
    static class ApplicantTopicListener {
        final List<InboundEvent> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = cn.qujiang.youth.contracts.Topics.TALENT_APPLICANT)
        void on(ConsumerRecord<String, String> record) {
            InboundEvent.from(record).ifPresent(received::add);
        }
    }
}
