package cn.qujiang.youth.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.KeycloakTokens;
import cn.qujiang.youth.infra.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;
import org.springframework.web.client.RestClient;

/**
 * The foundation against the real parts: Keycloak issues the tokens a service accepts or refuses, and an event
 * written in the golden format goes through the outbox, the real broker and a listener.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ProbeIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaMongoAndKeycloak("kit-probe").forEach((key, value) -> registry.add(key, () -> value));
    }

    private final int port;
    private final MongoTemplate mongo;
    private final ProbeApplication.ApplicantTopicListener listener;

    ProbeIT(@LocalServerPort int port, MongoTemplate mongo, ProbeApplication.ApplicantTopicListener listener) {
        this.port = port;
        this.mongo = mongo;
        this.listener = listener;
    }

    private final KeycloakTokens tokens = TestInfrastructure.keycloak().tokens();

    @Test
    void aRealKeycloakTokenIsAccepted() {
        Map<?, ?> me = http().get().uri("/api/probe/me").header("Authorization", bearer(applicantToken()))
                .retrieve().body(Map.class);

        assertThat(me.get("username")).isEqualTo("applicant1");
        assertThat((String) me.get("id")).isNotBlank();
    }

    @Test
    void aSessionRenewedWithItsRefreshTokenGetsANewTokenForTheSamePerson() {
        KeycloakTokens.Session signedIn = tokens.signIn(KeycloakTokens.TEST_CLIENT, "applicant1", "Applicant1pass");

        KeycloakTokens.Session renewed = tokens.refresh(signedIn);

        assertThat(renewed.accessToken()).isNotEqualTo(signedIn.accessToken());
        Map<?, ?> me = http().get().uri("/api/probe/me").header("Authorization", bearer(renewed.accessToken()))
                .retrieve().body(Map.class);
        assertThat(me.get("username")).isEqualTo("applicant1");
    }

    @Test
    void aTokenWithATamperedSignatureIsRejected() {
        String token = applicantToken();
        String tampered = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");

        assertUnauthorized(tampered);
    }

    @Test
    void aTokenWithAnotherPayloadUnderTheOriginalSignatureIsRejected() {
        String[] parts = applicantToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"applicant\"", "\"policy-admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertUnauthorized(forged);
    }

    @Test
    void aTokenWithoutTheSuiteAudienceIsRejected() {
        assertUnauthorized(tokens.password(KeycloakTokens.NO_AUDIENCE_CLIENT, "applicant1", "Applicant1pass"));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        assertUnauthorized(ForeignTokens.signedByAnotherIssuer("http://127.0.0.1:1/realms/qujiang"));
    }

    @Test
    void anExpiredTokenIsRejected() {
        String shortLived = tokens.password(KeycloakTokens.SHORT_LIVED_CLIENT, "applicant1", "Applicant1pass");
        // Lives 2 s; the services allow 5 s of clock skew, after which it must be refused.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> status(shortLived) == 401);
    }

    @Test
    void healthSaysUpToAnyoneAndWhatIsBehindItOnlyToStaff() {
        Map<String, Object> anonymous = health(null);
        Map<String, Object> applicant = health(applicantToken());
        Map<String, Object> officer = health(tokens.password("hr1", "Hrofficer1pass"));

        assertThat(anonymous).containsEntry("status", "UP").doesNotContainKey("components");
        assertThat(applicant).doesNotContainKey("components");
        assertThat(officer.get("components").toString()).contains("mongo", "kafka");
    }

    @Test
    void noTokenGetsAProblemResponse() {
        var response = http().get().uri("/api/probe/me").exchange((request, reply) -> Map.of(
                "status", reply.getStatusCode().value(),
                "type", String.valueOf(reply.getHeaders().getContentType()),
                "body", new String(reply.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);

        assertThat(response.get("status")).isEqualTo(401);
        assertThat((String) response.get("type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat((String) response.get("body")).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void anEventInTheGoldenFormatIsProducedThroughTheOutboxAndConsumed() throws Exception {
        String applicantId = UUID.randomUUID().toString();

        Map<?, ?> created = http().post().uri("/api/probe/me/erasures/" + applicantId)
                .header("Authorization", bearer(applicantToken())).retrieve().body(Map.class);

        ConsumerRecord<String, String> record = readOne(Topics.TALENT_APPLICANT, applicantId);
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(created.get("eventId"));
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.APPLICANT_ERASED.typeId());
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/kit-probe");
        assertThat(EventJson.read(record.value(), ApplicantErased.class))
                .isEqualTo(new ApplicantErased(applicantId, java.time.Instant.parse("2026-04-01T02:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(listener.received)
                .anyMatch(event -> event.id().equals(created.get("eventId"))
                        && event.payload() instanceof ApplicantErased erased && erased.applicantId().equals(applicantId)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.findById(applicantId, Document.class, "probes").getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void aRecordWithoutCloudEventsHeadersGoesToTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.TALENT_APPLICANT, key, "{\"not\":\"an event\"}")).get();
        }

        ConsumerRecord<String, String> dead = readOne(Topics.deadLetterOf(Topics.TALENT_APPLICANT), key);
        assertThat(dead.value()).isEqualTo("{\"not\":\"an event\"}");
    }

    @Test
    void anEventOfAnUnknownTypeIsSkippedNotDeadLettered() throws Exception {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TALENT_APPLICANT, key, "{}");
        record.headers().add(new RecordHeader(CloudEventHeaders.ID, key.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE,
                "cn.qujiang.youth.talent.SomethingNew.v1".getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record).get();
        }
        String marker = UUID.randomUUID().toString();
        http().post().uri("/api/probe/me/erasures/" + marker).header("Authorization", bearer(applicantToken()))
                .retrieve().toBodilessEntity();

        // The listener went past the unknown event to the next one, and nothing of it reached the DLT.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(listener.received)
                .anyMatch(event -> marker.equals(event.subject())));
        assertThat(listener.received).noneMatch(event -> key.equals(event.id()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> health(String token) {
        var request = http().get().uri("/actuator/health");
        if (token != null) {
            request = request.header("Authorization", bearer(token));
        }
        return request.retrieve().body(Map.class);
    }

    private String applicantToken() {
        return tokens.password("applicant1", "Applicant1pass");
    }

    private void assertUnauthorized(String token) {
        assertThat(status(token)).isEqualTo(401);
    }

    private int status(String token) {
        return http().get().uri("/api/probe/me").header("Authorization", bearer(token))
                .exchange((request, response) -> response.getStatusCode().value(), true);
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static ConsumerRecord<String, String> readOne(String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + topic);
    }
}
