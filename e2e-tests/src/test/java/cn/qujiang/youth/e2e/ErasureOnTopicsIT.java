package cn.qujiang.youth.e2e;

import static cn.qujiang.youth.e2e.Journeys.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.stack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Erasure that Kafka cannot undo: after an applicant is erased through the API, every record about them that is
 * still on any topic (retention keeps them for days, dead-letter topics keep copies) holds their facts and values
 * only sealed, and the key that opened them is gone. Everyone else's matching goes on.
 */
@Order(3)
class ErasureOnTopicsIT {
    private static final LocalDate BIRTH = LocalDate.of(1997, 8, 19);

    @Test
    void anErasedApplicantsFactsCannotBeReadBackFromAnyTopic() throws Exception {
        Applicant applicant = Applicant.bornOn(BIRTH);
        Journeys.saveProfileAndAwaitMatches(applicant, applicant.jobSeekerProfile(null));
        assertThat(applicant.http().post("/api/talent/me/applications", Map.of("measureCode", "QJY-01")).status())
                .isEqualTo(201);
        EventKey key = EventJson.read(eventKey(applicant.id).body(), EventKey.class);
        // the records read below are the applicant's: with the key, their facts open to the birth date
        assertThat(recordsOf(applicant.id)).filteredOn(record -> type(record) == EventType.APPLICANT_PROFILE_CHANGED)
                .isNotEmpty().allSatisfy(record -> assertThat(EventJson.read(record.value(),
                        ApplicantProfileChanged.class).facts(key).birthDate()).isEqualTo(BIRTH));

        Http.Reply erased = applicant.http().delete("/api/talent/me");
        assertThat(erased.status()).as(erased.toString()).isIn(200, 202, 204);
        await().atMost(ASYNC).until(() -> applicant.http().get("/api/policy/me/results").status() == 404);

        assertThat(eventKey(applicant.id).statusCode()).as("nobody can get the key any more").isEqualTo(404);
        List<ConsumerRecord<String, String>> left = recordsOf(applicant.id);
        assertThat(left).extracting(ErasureOnTopicsIT::type).contains(EventType.APPLICANT_PROFILE_CHANGED,
                EventType.MATCHES_EVALUATED, EventType.APPLICATION_SUBMITTED, EventType.APPLICANT_ERASED);
        assertThat(left).allSatisfy(record -> assertThat(record.value()).as(record.topic())
                .doesNotContain(BIRTH.toString(), "birthDate", "2026-06-30", "OUT_OF_PROVINCE", "JOB_SEEKING",
                        "BACHELOR", "\"values\"", applicant.idNumber, applicant.phone, applicant.email));
        assertThat(left).filteredOn(record -> type(record) == EventType.APPLICANT_PROFILE_CHANGED)
                .allSatisfy(record -> assertThat(EventJson.read(record.value(), ApplicantProfileChanged.class)
                        .facts().keyId()).as("sealed with the erased key only").isEqualTo(key.keyId()));
        assertThat(left).filteredOn(record -> type(record) == EventType.MATCHES_EVALUATED)
                .allSatisfy(record -> assertThat(EventJson.read(record.value(), MatchesEvaluated.class)
                        .sealedValues().keyId()).isEqualTo(key.keyId()));

        Applicant next = Applicant.bornOn(BIRTH.plusYears(1));
        assertThat(Journeys.result(Journeys.saveProfileAndAwaitMatches(next, next.jobSeekerProfile(null)), "QJY-01")
                .path("outcome").asString()).as("matching goes on for everyone else").isEqualTo("ELIGIBLE");
    }

    /** talent-service's internal key endpoint, called directly (the gateway never routes it) as policy-service. */
    private static HttpResponse<String> eventKey(String applicantId) throws Exception {
        LocalStack stack = E2eStack.get();
        String token = stack.keycloak().tokens().clientCredentials("policy-service", "policy-service-dev-secret");
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.service("talent-service").baseUrl()
                        + "/internal/event-keys/" + applicantId))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every record of every topic, dead-letter topics included, keyed by or naming the applicant, read raw. */
    private static List<ConsumerRecord<String, String>> recordsOf(String applicantId) throws Exception {
        String servers = E2eStack.get().kafka().bootstrapServers();
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            var topics = admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get();
            topics.values().forEach(topic -> topic.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        }
        assertThat(partitions).extracting(TopicPartition::topic).contains("talent.applicant.v1-dlt");
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "erasure-probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (applicantId.equals(record.key())
                            || (record.value() != null && record.value().contains(applicantId))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static EventType type(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return type == null ? null
                : EventType.byTypeId(new String(type.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
