package cn.qujiang.youth.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.ApplicationDecided.Decision;
import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.BenefitEnded;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.infra.ShiftableClock;
import cn.qujiang.youth.infra.SmtpServer;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.notification.delivery.Attempt;
import cn.qujiang.youth.notification.delivery.Delivery;
import cn.qujiang.youth.notification.delivery.DeliveryStatus;
import cn.qujiang.youth.notification.delivery.DeliveryStore;
import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.message.Message;
import cn.qujiang.youth.notification.message.MessageKind;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as applicants and officers meet it: real Kafka, MongoDB-wire server, Keycloak and SMTP (GreenMail);
 * WireMock stands in for the SMS provider and for talent-service's contacts endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class NotificationJourneyIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalizedText LODGING = LocalizedText.of("青年驿站免费住宿", "Free lodging at youth stations");

    private static final WireMockServer wiremock = startWireMock();
    private static final SmtpServer smtp = TestInfrastructure.smtp();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaMongoAndKeycloak("notification").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtp::port);
        registry.add("qujiang.sms.url", () -> wiremock.baseUrl() + "/sms");
        registry.add("qujiang.sms.api-key", () -> "it-sms-key");
        registry.add("qujiang.contacts.base-url", wiremock::baseUrl);
        registry.add("qujiang.delivery.initial-backoff", () -> "500ms");
        registry.add("qujiang.delivery.max-backoff", () -> "2s");
        registry.add("qujiang.delivery.max-attempts", () -> "6");
        registry.add("qujiang.delivery.poll-interval", () -> "200ms");
        registry.add("qujiang.news.quiet", () -> "3s");
        registry.add("qujiang.news.longest", () -> "20s");
        registry.add("qujiang.news.poll-interval", () -> "200ms");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock(ZoneOffset.UTC);
        }
    }

    private final int port;
    private final KafkaTemplate<String, String> kafka;
    private final DeliveryStore deliveries;
    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final ShiftableClock clock;

    NotificationJourneyIT(@LocalServerPort int port, KafkaTemplate<String, String> kafka, DeliveryStore deliveries,
            MongoTemplate mongo, MeterRegistry meters, ShiftableClock clock) {
        this.port = port;
        this.kafka = kafka;
        this.deliveries = deliveries;
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
    }

    /** Daytime in Shanghai whenever the tests run, so that no SMS is held back by real quiet hours. */
    @BeforeEach
    void tenInTheMorning() {
        clock.setTo(LocalDate.now(SHANGHAI).atTime(10, 0).atZone(SHANGHAI).toInstant());
    }

    /**
     * The kit resolves Keycloak's configuration on the first authenticated request; on a loaded machine that first
     * lookup can time out (a 500, retried on the next request). Tests start once it has succeeded.
     */
    @BeforeEach
    void tokenValidationReady() {
        if (!tokenValidationReady) {
            String token = applicantToken("applicant1", "Applicant1pass");
            await().atMost(PATIENCE).until(() -> call(token, "GET", "/api/notifications/me", null)
                    .getStatusCode().value() == 200);
            tokenValidationReady = true;
        }
    }

    private static volatile boolean tokenValidationReady;

    @AfterEach
    void smtpBackUp() {
        if (!smtp.running()) {
            smtp.start();
        }
    }

    @AfterAll
    static void stopWireMock() {
        wiremock.stop();
    }

    @Test
    void aDecisionReachesEveryChannelOnceEvenWhenRedelivered() throws Exception {
        String token = applicantToken("applicant1", "Applicant1pass");
        Person person = person(subject(token), "张三", "zh-CN");
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, String> decision = event(eventId, decided(person.id(), Decision.REJECTED, "QUOTA_EXHAUSTED"));

        kafka.send(decision).get(10, TimeUnit.SECONDS);

        Email email = await().atMost(PATIENCE).until(() -> emailsTo(person, "申请未通过"), list -> list.size() == 1).get(0);
        assertThat(email.subject()).isEqualTo("申请未通过：青年驿站免费住宿");
        assertThat(email.text()).contains("张三，您好：").contains("很遗憾，您申请的“青年驿站免费住宿”未通过审核。")
                .contains("原因：该政策名额已满。");
        assertThat(email.html()).contains("<strong>青年驿站免费住宿</strong>").contains("原因：该政策名额已满。");
        await().atMost(PATIENCE).until(() -> smsTo(person).size() == 1);
        wiremock.verify(1, postRequestedFor(urlEqualTo("/sms"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer it-sms-key"))
                .withRequestBody(equalToJson("""
                        {"phoneNumber": "%s", "signName": "青年衢江", "templateId": "QJ_SMS_APPLICATION_DECIDED",
                         "templateParams": {"measure": "青年驿站免费住宿", "decision": "REJECTED", "reason": "该政策名额已满"},
                         "content": "【青年衢江】您申请的“青年驿站免费住宿”未通过审核：该政策名额已满，详见青年衢江App。"}"""
                        .formatted(person.phone()))));
        String inboxId = await().atMost(PATIENCE).until(() -> sentDelivery(eventId, Channel.IN_APP), id -> id != null);
        JsonNode entry = inboxEntry(token, inboxId, "zh-CN");
        assertThat(entry.path("title").asString()).isEqualTo("申请未通过：青年驿站免费住宿");
        assertThat(entry.path("body").asString()).isEqualTo("很遗憾，您申请的“青年驿站免费住宿”未通过审核，原因：该政策名额已满。");
        assertThat(entry.path("read").asBoolean()).isFalse();
        assertThat(inboxEntry(token, inboxId, "en").path("title").asString())
                .isEqualTo("Application not approved: Free lodging at youth stations");

        kafka.send(decision).get(10, TimeUnit.SECONDS);
        afterEverythingBefore(person);

        assertThat(emailsTo(person, "申请未通过")).hasSize(1);
        assertThat(smsTo(person).stream().filter(sms -> sms.contains("未通过审核"))).hasSize(1);
        assertThat(deliveries.ofEvent(eventId)).hasSize(3).allMatch(d -> d.status() == DeliveryStatus.SENT);
        assertThat(inbox(token, "zh-CN").path("items").findValuesAsString("id").stream()
                .filter(inboxId::equals)).hasSize(1);
        List<String> bearers = wiremock.findAll(getRequestedFor(urlEqualTo("/internal/contacts/" + person.id())))
                .stream().map(request -> request.getHeader(HttpHeaders.AUTHORIZATION)).toList();
        assertThat(bearers).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(bearer -> assertThat(claim(bearer.substring("Bearer ".length()), "azp"))
                        .isEqualTo("notification-service"));
        assertThat(bearers.stream().distinct().count()).as("token reused until shortly before it expires")
                .isLessThan(bearers.size());
    }

    @Test
    void applicantsReadAndMarkOnlyTheirOwnMessages() throws Exception {
        String token = applicantToken("applicant1", "Applicant1pass");
        String otherToken = applicantToken("applicant2", "Applicant2pass");
        Person person = person(subject(token), "张三", "zh-CN");
        String eventId = UUID.randomUUID().toString();
        kafka.send(event(eventId, submitted(person.id(), Instant.now()))).get(10, TimeUnit.SECONDS);
        String inboxId = await().atMost(PATIENCE).until(() -> sentDelivery(eventId, Channel.IN_APP), id -> id != null);
        long unread = inbox(token, "zh-CN").path("unread").asLong();
        assertThat(unread).isPositive();

        assertThat(call(otherToken, "POST", "/api/notifications/me/" + inboxId + "/read", null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(inbox(otherToken, "zh-CN").path("items").findValuesAsString("id")).doesNotContain(inboxId);
        assertThat(call(token, "POST", "/api/notifications/me/" + inboxId + "/read", null).getStatusCode().value())
                .isEqualTo(204);
        assertThat(inboxEntry(token, inboxId, "zh-CN").path("read").asBoolean()).isTrue();
        assertThat(inbox(token, "zh-CN").path("unread").asLong()).isEqualTo(unread - 1);

        assertThat(call(token, "POST", "/api/notifications/me/read-all", null).getStatusCode().value()).isEqualTo(204);
        assertThat(inbox(token, "zh-CN").path("unread").asLong()).isZero();

        assertThat(call(null, "GET", "/api/notifications/me", null).getStatusCode().value()).isEqualTo(401);
        assertThat(call(token, "GET", "/api/notifications/admin/deliveries", null).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void anSmtpOutageOnlyDelaysTheEmail() throws Exception {
        Person person = person(UUID.randomUUID().toString(), "李四", "zh-CN");
        String eventId = UUID.randomUUID().toString();
        smtp.stop();

        kafka.send(event(eventId, submitted(person.id(), Instant.now()))).get(10, TimeUnit.SECONDS);

        await().atMost(PATIENCE).until(() -> delivery(eventId, Channel.EMAIL).attempts().stream()
                .anyMatch(attempt -> "SMTP_UNAVAILABLE".equals(attempt.code())));
        assertThat(delivery(eventId, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.PENDING);
        smtp.start();

        Email email = await().atMost(PATIENCE).until(() -> emailsTo(person, "已收到您的申请"), list -> list.size() == 1).get(0);
        assertThat(email.text()).contains("您申请的“青年驿站免费住宿”已提交成功").contains("工作人员将于2026年3月5日前答复");
        Delivery sent = await().atMost(PATIENCE).until(() -> delivery(eventId, Channel.EMAIL),
                d -> d.status() == DeliveryStatus.SENT);
        assertThat(sent.attempts()).last().extracting(Attempt::result).isEqualTo(Attempt.Result.SENT);
        assertThat(sent.recipient()).isEqualTo("p***@example.com");
    }

    @Test
    void aRevokedBenefitIsOneMessageInWordsOnEveryChannelEvenWhenRedelivered() throws Exception {
        Person person = person(UUID.randomUUID().toString(), "周八", "zh-CN");
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, String> revoked = event(eventId, new BenefitEnded(UUID.randomUUID().toString(),
                person.id(), "QJY-01", LODGING, BenefitEnded.Cause.ENDED_BY_OFFICER, "FALSE_MATERIALS",
                LocalDate.of(2026, 3, 3), null, LocalDate.of(2026, 9, 15), Instant.now()));

        kafka.send(revoked).get(10, TimeUnit.SECONDS);

        Email email = await().atMost(PATIENCE).until(() -> emailsTo(person, "政策享受已终止"), list -> list.size() == 1)
                .get(0);
        assertThat(email.text()).contains("周八，您好：").contains("“青年驿站免费住宿”已由经办人员终止，自2026年9月15日起不再享受")
                .contains("原因：经核实提供了虚假材料。").doesNotContain("FALSE_MATERIALS");
        await().atMost(PATIENCE).until(() -> revokedSms(person).size() == 1);
        assertThat(revokedSms(person)).containsExactly("【青年衢江】您享受的“青年驿站免费住宿”已终止：经核实提供了虚假材料，详见青年衢江App。");
        await().atMost(PATIENCE).until(() -> sentDelivery(eventId, Channel.IN_APP), id -> id != null);

        kafka.send(revoked).get(10, TimeUnit.SECONDS);
        afterEverythingBefore(person);

        assertThat(emailsTo(person, "政策享受已终止")).hasSize(1);
        assertThat(revokedSms(person)).hasSize(1);
        assertThat(deliveries.ofEvent(eventId)).hasSize(3).allMatch(d -> d.status() == DeliveryStatus.SENT)
                .allMatch(d -> d.message().kind() == MessageKind.BENEFIT_ENDED);
    }

    @Test
    void aProviderErrorIsRetriedAndTheSmsSentOnce() throws Exception {
        Person person = person(UUID.randomUUID().toString(), "王五", "zh-CN");
        wiremock.stubFor(post("/sms").withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(person.phone())))
                .inScenario(person.id()).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        wiremock.stubFor(post("/sms").withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(person.phone())))
                .inScenario(person.id()).whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"code\":\"OK\"}")));
        String eventId = UUID.randomUUID().toString();

        kafka.send(event(eventId, decided(person.id(), Decision.APPROVED, "CRITERIA_MET"))).get(10, TimeUnit.SECONDS);

        Delivery sms = await().atMost(PATIENCE).until(() -> delivery(eventId, Channel.SMS),
                d -> d.status() == DeliveryStatus.SENT);
        assertThat(sms.attempts()).extracting(Attempt::result)
                .containsExactly(Attempt.Result.RETRYABLE_FAILURE, Attempt.Result.SENT);
        assertThat(sms.attempts().get(0).code()).isEqualTo("SMS_PROVIDER_500");
        assertThat(sms.recipient()).isEqualTo(Masking.of(person.phone()));
        assertThat(smsTo(person)).hasSize(2).containsOnly("【青年衢江】您申请的“青年驿站免费住宿”已审核通过，详见青年衢江App。");
    }

    @Test
    void aRefusedSmsFailsWithoutRetriesAndIsListedForHrMasked() throws Exception {
        Person person = person(UUID.randomUUID().toString(), "赵六", "zh-CN");
        wiremock.stubFor(post("/sms").withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(person.phone())))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":\"INVALID_NUMBER\"}")));
        double failedBefore = failedSmsCount();
        String eventId = UUID.randomUUID().toString();

        kafka.send(event(eventId, decided(person.id(), Decision.INFO_REQUESTED, "DOCUMENTS_MISSING"))).get(10, TimeUnit.SECONDS);

        Delivery sms = await().atMost(PATIENCE).until(() -> delivery(eventId, Channel.SMS),
                d -> d.status() == DeliveryStatus.FAILED);
        assertThat(sms.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.result()).isEqualTo(Attempt.Result.PERMANENT_FAILURE);
            assertThat(attempt.code()).isEqualTo("SMS_REJECTED_400");
        });
        assertThat(smsTo(person)).hasSize(1);
        assertThat(failedSmsCount()).isEqualTo(failedBefore + 1);

        String hrToken = TestInfrastructure.keycloak().tokens().password("hr1", "Hrofficer1pass");
        ResponseEntity<String> failures = call(hrToken, "GET", "/api/notifications/admin/deliveries?status=FAILED&size=100", null);
        assertThat(failures.getStatusCode().value()).isEqualTo(200);
        JsonNode listed = find(JSON.readTree(failures.getBody()).path("items"), sms.id());
        assertThat(listed.path("recipient").asString()).isEqualTo(Masking.of(person.phone()));
        assertThat(listed.path("outcome").asString()).isEqualTo("SMS_REJECTED_400");
        assertThat(listed.path("kind").asString()).isEqualTo("APPLICATION_DECIDED");
        assertThat(failures.getBody()).doesNotContain(person.phone()).doesNotContain(person.email());
        String stored = mongo.getCollection(Delivery.COLLECTION).find(new Document("applicantId", person.id()))
                .map(Document::toJson).into(new ArrayList<>()).toString();
        assertThat(stored).doesNotContain(person.phone()).doesNotContain(person.email()).doesNotContain(person.name());
    }

    @Test
    void anSmsDueAtElevenAtNightWaitsUntilEightWhileEmailGoesAtOnce() throws Exception {
        Person person = person(UUID.randomUUID().toString(), "孙七", "zh-CN");
        LocalDate evening = LocalDate.now(SHANGHAI).plusDays(1);
        clock.setTo(evening.atTime(23, 0).atZone(SHANGHAI).toInstant());
        String eventId = UUID.randomUUID().toString();

        kafka.send(event(eventId, decided(person.id(), Decision.APPROVED, "CRITERIA_MET"))).get(10, TimeUnit.SECONDS);

        await().atMost(PATIENCE).until(() -> emailsTo(person, "申请已通过").size() == 1);
        await().atMost(PATIENCE).until(() -> delivery(eventId, Channel.IN_APP).status() == DeliveryStatus.SENT);
        Delivery sms = delivery(eventId, Channel.SMS);
        assertThat(sms.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(sms.nextAttemptAt()).isEqualTo(evening.plusDays(1).atTime(8, 0).atZone(SHANGHAI).toInstant());
        assertThat(sms.attempts()).isEmpty();
        assertThat(smsTo(person)).isEmpty();

        clock.setTo(evening.plusDays(1).atTime(8, 0, 5).atZone(SHANGHAI).toInstant());

        await().atMost(PATIENCE).until(() -> smsTo(person).size() == 1);
        await().atMost(PATIENCE).until(() -> delivery(eventId, Channel.SMS).status() == DeliveryStatus.SENT);
    }

    @Test
    void smsSwitchedOffForApplicationsIsNotSent() throws Exception {
        String token = applicantToken("applicant2", "Applicant2pass");
        Person person = person(subject(token), "Li Hua", "en");
        String noSmsForApplications = """
                {"match": {"inApp": true, "email": true, "sms": true},
                 "application": {"inApp": true, "email": true, "sms": false},
                 "language": null, "smsQuietHours": {"enabled": true, "from": "22:00", "to": "08:00"}}""";
        assertThat(call(token, "PUT", "/api/notifications/me/preferences", noSmsForApplications).getStatusCode().value())
                .isEqualTo(200);
        JsonNode saved = JSON.readTree(call(token, "GET", "/api/notifications/me/preferences", null).getBody());
        assertThat(saved.path("application").path("sms").asBoolean()).isFalse();
        assertThat(saved.path("match").path("sms").asBoolean()).isTrue();
        assertThat(saved.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        ResponseEntity<String> invalid = call(token, "PUT", "/api/notifications/me/preferences",
                noSmsForApplications.replace("\"language\": null", "\"language\": \"fr\""));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("VALIDATION_FAILED");
        String eventId = UUID.randomUUID().toString();
        try {
            kafka.send(event(eventId, decided(person.id(), Decision.APPROVED, "CRITERIA_MET"))).get(10, TimeUnit.SECONDS);

            Email email = await().atMost(PATIENCE).until(() -> emailsTo(person, "Application approved"),
                    list -> list.size() == 1).get(0);
            assertThat(email.subject()).isEqualTo("Application approved: Free lodging at youth stations");
            assertThat(email.text()).startsWith("Dear Li Hua,");
            await().atMost(PATIENCE).until(() -> sentDelivery(eventId, Channel.IN_APP) != null);
            assertThat(deliveries.ofEvent(eventId)).extracting(Delivery::channel)
                    .containsExactlyInAnyOrder(Channel.IN_APP, Channel.EMAIL);
            assertThat(smsTo(person)).isEmpty();
        } finally {
            call(token, "PUT", "/api/notifications/me/preferences", noSmsForApplications.replace("\"sms\": false", "\"sms\": true"));
        }
    }

    @Test
    void talentServiceReadsWhatIsHeldAboutAnApplicantForTheirExportAndNobodyElseDoes() throws Exception {
        String token = applicantToken("applicant1", "Applicant1pass");
        Person person = person(subject(token), "张三", "zh-CN");
        String preferences = """
                {"match": {"inApp": true, "email": true, "sms": true},
                 "application": {"inApp": true, "email": true, "sms": true},
                 "language": null, "smsQuietHours": {"enabled": true, "from": "%s", "to": "08:00"}}""";
        assertThat(call(token, "PUT", "/api/notifications/me/preferences", preferences.formatted("23:00"))
                .getStatusCode().value()).isEqualTo(200);
        try {
            String eventId = UUID.randomUUID().toString();
            kafka.send(event(eventId, decided(person.id(), Decision.APPROVED, "CRITERIA_MET"))).get(10, TimeUnit.SECONDS);
            String inboxId = await().atMost(PATIENCE).until(() -> sentDelivery(eventId, Channel.IN_APP), id -> id != null);
            await().atMost(PATIENCE).until(() -> sentDelivery(eventId, Channel.SMS) != null);

            // news gathered and waiting for the applicant's evaluations to settle is held data too
            Instant newsSince = clock.instant();
            mongo.insert(new org.bson.Document("_id", person.id())
                    .append("measures", List.of(new org.bson.Document("code", "QJY-01").append("amount", 7L)
                            .append("unit", "NIGHTS")))
                    .append("firstAt", java.util.Date.from(newsSince))
                    .append("sendAt", java.util.Date.from(newsSince.plus(Duration.ofHours(1))))
                    .append("recentEvents", List.of()).append("lock", 0L), "eligibility_news");
            String talent = TestInfrastructure.keycloak().tokens().clientCredentials("talent-service",
                    "talent-service-dev-secret");
            String path = "/internal/applicants/" + person.id() + "/notifications";
            ResponseEntity<String> answer = RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + talent).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .retrieve().toEntity(String.class);
            JsonNode held = JSON.readTree(answer.getBody());
            JsonNode message = find(held.path("inbox"), inboxId);
            assertThat(message.path("body").asString()).as("in the language asked for")
                    .contains("Congratulations", "Free lodging at youth stations");
            assertThat(held.path("preferences").path("smsQuietHours").path("from").asString()).startsWith("23:00");
            // this test's SMS, told by the address it went to: other tests message the same applicant with numbers
            // of their own, and a shifted clock can make theirs look newer
            JsonNode sms = StreamSupport.stream(held.path("deliveries").spliterator(), false)
                    .filter(d -> "SMS".equals(d.path("channel").asString())
                            && "application-decided".equals(d.path("template").asString())
                            && Masking.of(person.phone()).equals(d.path("recipient").asString()))
                    .findFirst().orElseThrow();
            assertThat(sms.path("status").asString()).isEqualTo("SENT");
            JsonNode untold = held.path("untoldNews");
            assertThat(untold.path("measures").get(0).path("code").asString()).isEqualTo("QJY-01");
            assertThat(untold.path("measures").get(0).path("amount").asLong()).isEqualTo(7);
            assertThat(Instant.parse(untold.path("sendAt").asString())).isAfter(newsSince);
            assertThat(answer.getBody()).as("the log names addresses masked only")
                    .doesNotContain(person.phone(), person.email(), person.name());

            assertThat(call(token, "GET", path, null).getStatusCode().value()).as("the applicant").isEqualTo(403);
            String notificationAccount = TestInfrastructure.keycloak().tokens()
                    .clientCredentials("notification-service", "notification-service-dev-secret");
            assertThat(call(notificationAccount, "GET", path, null).getStatusCode().value()).isEqualTo(403);
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(person.id())), "eligibility_news");
            call(token, "PUT", "/api/notifications/me/preferences", preferences.formatted("22:00"));
        }
    }

    @Test
    void erasurePurgesTheInboxAndLateEventsStayPurged() throws Exception {
        String token = applicantToken("applicant2", "Applicant2pass");
        Person person = person(subject(token), "Li Hua", "en");
        String eventId = UUID.randomUUID().toString();
        kafka.send(event(eventId, submitted(person.id(), Instant.now()))).get(10, TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(() -> deliveries.ofEvent(eventId).size() == 3
                && deliveries.ofEvent(eventId).stream().allMatch(d -> d.status() == DeliveryStatus.SENT));
        assertThat(inbox(token, "en").path("total").asLong()).isPositive();
        ApplicantProfileChanged profile = GoldenEvents.read(EventType.APPLICANT_PROFILE_CHANGED, ApplicantProfileChanged.class);
        kafka.send(event(UUID.randomUUID().toString(), new ApplicantProfileChanged(person.id(), 9, Instant.now(),
                profile.facts(), List.of()))).get(10, TimeUnit.SECONDS);
        Instant erasedAt = Instant.now();

        kafka.send(event(UUID.randomUUID().toString(), new ApplicantErased(person.id(), erasedAt))).get(10, TimeUnit.SECONDS);

        await().atMost(PATIENCE).until(() -> inbox(token, "en").path("total").asLong() == 0);
        assertThat(deliveries.ofApplicant(person.id())).isEmpty();
        assertThat(inbox(token, "en").path("unread").asLong()).isZero();

        String lateEventId = UUID.randomUUID().toString();
        kafka.send(event(lateEventId, decided(person.id(), Decision.APPROVED, "CRITERIA_MET", erasedAt.minusSeconds(60))))
                .get(10, TimeUnit.SECONDS);
        String laterEventId = UUID.randomUUID().toString();
        kafka.send(event(laterEventId, submitted(person.id(), erasedAt.plusSeconds(1)))).get(10, TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(() -> sentDelivery(laterEventId, Channel.IN_APP) != null);
        assertThat(deliveries.ofEvent(lateEventId)).isEmpty();
    }

    /**
     * A resident completing the profile step by step: three evaluations in a row make one message with everything
     * newly eligible (not one per step), one that is no news makes nothing, a redelivered one nothing again, and news
     * after the message has left is a message of its own.
     */
    @Test
    void newsOfEvaluationsInARowIsOneMessageAndNothingNewMakesNone() throws Exception {
        Person person = person(UUID.randomUUID().toString(), "周八", "zh-CN");
        publishCatalogue(measure("QJY-01", LODGING), measure("QJY-05", LocalizedText.of("人才公寓租金减免", "Talent apartment rent relief")),
                measure("QJY-12", LocalizedText.of("高校毕业生生活补贴", "Living allowance for graduates")),
                measure("QJY-30", LocalizedText.of("青年夜校", "Youth evening school")));

        String secondStep = UUID.randomUUID().toString();
        kafka.send(event(UUID.randomUUID().toString(), matches(person.id(), List.of("QJY-01"), 4))).get(10, TimeUnit.SECONDS);
        kafka.send(event(secondStep, matches(person.id(), List.of("QJY-05", "QJY-12"), 5))).get(10, TimeUnit.SECONDS);
        kafka.send(event(UUID.randomUUID().toString(), matches(person.id(), List.of(), 6))).get(10, TimeUnit.SECONDS);

        Email email = await().atMost(PATIENCE).until(() -> emailsTo(person, "青年政策"), list -> list.size() == 1).get(0);
        assertThat(email.subject()).isEqualTo("您新符合3项青年政策");
        assertThat(email.text()).contains("· 青年驿站免费住宿：7 晚").contains("· 人才公寓租金减免：5 折优惠")
                .contains("· 高校毕业生生活补贴：每月 1,000 元").doesNotContain("青年夜校");
        assertThat(email.html()).contains("<li><strong>高校毕业生生活补贴</strong>：每月 1,000 元</li>");
        await().atMost(PATIENCE).until(() -> smsTo(person).size() == 1);
        String sms = smsTo(person).get(0);
        assertThat(sms).startsWith("【青年衢江】您新符合3项政策：青年驿站免费住宿(7 晚)").contains("等3项").hasSizeLessThanOrEqualTo(70);

        kafka.send(event(secondStep, matches(person.id(), List.of("QJY-05", "QJY-12"), 5))).get(10, TimeUnit.SECONDS);
        kafka.send(event(UUID.randomUUID().toString(), matches(person.id(), List.of("QJY-30"), 7))).get(10, TimeUnit.SECONDS);
        // The dispatcher sends a message's e-mail and SMS one after the other: wait for both.
        await().atMost(PATIENCE).until(() -> emailsTo(person, "青年政策").size() == 2 && smsTo(person).size() == 2);
        assertThat(emailsTo(person, "青年政策").get(1).subject()).isEqualTo("您新符合1项青年政策");
        assertThat(emailsTo(person, "青年政策").get(1).text()).contains("青年夜校").doesNotContain("青年驿站免费住宿");

        await().pollDelay(Duration.ofSeconds(5)).atMost(PATIENCE).until(() -> true);
        assertThat(emailsTo(person, "青年政策")).hasSize(2);
        assertThat(smsTo(person)).hasSize(2);
        assertThat(mongo.find(Query.query(Criteria.where("applicantId").is(person.id())), Delivery.class)
                .stream().filter(d -> d.channel() == Channel.IN_APP)).hasSize(2);
    }

    @Test
    void anApplicantTalentServiceNoLongerKnowsGetsOnlyTheInboxEntry() throws Exception {
        String unknown = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        kafka.send(event(eventId, submitted(unknown, Instant.now()))).get(10, TimeUnit.SECONDS);

        await().atMost(PATIENCE).until(() -> deliveries.ofEvent(eventId).stream()
                .allMatch(d -> d.status() != DeliveryStatus.PENDING) && deliveries.ofEvent(eventId).size() == 3);
        assertThat(delivery(eventId, Channel.IN_APP).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(List.of(delivery(eventId, Channel.EMAIL), delivery(eventId, Channel.SMS))).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.DROPPED);
            assertThat(d.outcome()).isEqualTo("RECIPIENT_ERASED");
            assertThat(d.attempts()).isEmpty();
        });
    }

    @Test
    void aDeliveryLeftByACrashedDispatcherIsSentWhenItsLeaseRunsOut() {
        Person person = person(UUID.randomUUID().toString(), "吴九", "zh-CN");
        String eventId = UUID.randomUUID().toString();
        Message message = Message.submitted(submitted(person.id(), Instant.now()));
        Instant leaseRanOut = clock.instant().minusSeconds(1);
        mongo.insert(new Delivery(UUID.randomUUID().toString(), eventId, person.id(), Channel.EMAIL, message,
                DeliveryStatus.PENDING, leaseRanOut.minusSeconds(120), leaseRanOut, "a-dispatcher-that-died",
                List.of(), null, null, null));

        await().atMost(PATIENCE).until(() -> emailsTo(person, "已收到您的申请").size() == 1);
        await().atMost(PATIENCE).until(() -> delivery(eventId, Channel.EMAIL).status() == DeliveryStatus.SENT);
    }

    // ---------------------------------------------------------------- events

    private static ApplicationDecided decided(String applicantId, Decision decision, String reason) {
        return decided(applicantId, decision, reason, Instant.now());
    }

    private static ApplicationDecided decided(String applicantId, Decision decision, String reason, Instant at) {
        return new ApplicationDecided(UUID.randomUUID().toString(), applicantId, "QJY-01", LODGING, decision, reason, at);
    }

    private static ApplicationSubmitted submitted(String applicantId, Instant at) {
        return new ApplicationSubmitted(UUID.randomUUID().toString(), applicantId, "QJY-01", 2, LODGING, at,
                LocalDate.of(2026, 3, 5));
    }

    private static MatchesEvaluated matches(String applicantId, List<String> newlyEligible, long profileVersion) {
        List<MatchResult> results = List.of(result("QJY-01", 7L, "NIGHT"), result("QJY-05", 50L, "PERCENT"),
                result("QJY-12", 1000L, "CNY_PER_MONTH"), result("QJY-30", null, null));
        return new MatchesEvaluated(applicantId, profileVersion, LocalDate.now(), Instant.now(),
                MatchesEvaluated.Trigger.PROFILE_CHANGED, results, newlyEligible, List.of());
    }

    private static MatchResult result(String code, Long amount, String unit) {
        return new MatchResult(code, 1, Outcome.ELIGIBLE, amount, unit, "IN_KIND", false, List.of(), List.of(),
                List.of(), null);
    }

    private static MeasurePublished measure(String code, LocalizedText title) {
        return new MeasurePublished(code, 1, MeasurePublished.Status.ACTIVE, title, "LIVING",
                MeasurePublished.Mode.APPLY, LocalDate.of(2024, 1, 1), null, null, List.of(), "IN_KIND", "NIGHT", 5,
                Instant.now(), List.of(), null);
    }

    /** Publishes measures on the catalogue topic and waits until the title replica holds them. */
    private void publishCatalogue(MeasurePublished... measures) throws Exception {
        for (MeasurePublished measure : measures) {
            kafka.send(event(UUID.randomUUID().toString(), measure)).get(10, TimeUnit.SECONDS);
        }
        List<String> codes = Stream.of(measures).map(MeasurePublished::code).toList();
        await().atMost(PATIENCE).until(() -> mongo.getCollection("measure_titles")
                .countDocuments(new Document("_id", new Document("$in", codes))) == codes.size());
    }

    /** A CloudEvent as the outbox relay of talent- or policy-service publishes it. */
    private static ProducerRecord<String, String> event(String eventId, Object payload) {
        EventType type = EventType.of(payload);
        String key = payload instanceof MeasurePublished measure ? measure.code() : applicantOf(payload);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, EventJson.write(payload));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.SOURCE, "/it");
        header(record, CloudEventHeaders.TYPE, type.typeId());
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static String applicantOf(Object payload) {
        return JSON.readTree(EventJson.write(payload)).path("applicantId").asString();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Waits until an application event published now for the person has been handled: Kafka keeps the order per key,
     * so everything published for them on that topic before it has been handled too.
     */
    private void afterEverythingBefore(Person person) throws Exception {
        String markerId = UUID.randomUUID().toString();
        kafka.send(event(markerId, submitted(person.id(), Instant.now()))).get(10, TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(() -> deliveries.ofEvent(markerId).stream()
                .filter(d -> d.status() == DeliveryStatus.SENT).count() == 3);
    }

    // ---------------------------------------------------------------- stand-ins

    private record Person(String id, String name, String phone, String email) {
    }

    private static int people;

    /** Registers the applicant's contact details with the stand-in talent-service. */
    private static synchronized Person person(String id, String name, String language) {
        people++;
        String phone = "139%08d".formatted(people + 1000);
        Person person = new Person(id, name, phone, "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        wiremock.stubFor(get(urlPathEqualTo("/internal/contacts/" + id))
                .withHeader(HttpHeaders.AUTHORIZATION, matching("Bearer .+"))
                .willReturn(okJson("""
                        {"name": "%s", "phone": "%s", "email": "%s", "language": "%s"}"""
                        .formatted(name, phone, person.email(), language))));
        return person;
    }

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post("/sms").atPriority(10).willReturn(okJson("{\"code\":\"OK\"}")));
        return server;
    }

    private static List<String> revokedSms(Person person) {
        return smsTo(person).stream().filter(sms -> sms.contains("已终止")).toList();
    }

    private static List<String> smsTo(Person person) {
        return wiremock.findAll(postRequestedFor(urlEqualTo("/sms"))
                        .withRequestBody(matchingJsonPath("$.phoneNumber", equalTo(person.phone()))))
                .stream().map(LoggedRequest::getBodyAsString)
                .map(body -> JSON.readTree(body).path("content").asString()).toList();
    }

    private record Email(String subject, String text, String html) {
    }

    private static List<Email> emailsTo(Person person, String subjectPart) throws MessagingException, IOException {
        List<Email> emails = new ArrayList<>();
        for (MimeMessage message : smtp.running() ? smtp.received() : List.<MimeMessage>of()) {
            boolean toPerson = message.getRecipients(RecipientType.TO) != null
                    && message.getRecipients(RecipientType.TO)[0].toString().equals(person.email());
            if (toPerson && message.getSubject().contains(subjectPart)) {
                emails.add(new Email(message.getSubject(), part(message, "text/plain"), part(message, "text/html")));
            }
        }
        return emails;
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the service's own state and API

    private Delivery delivery(String eventId, Channel channel) {
        return deliveries.ofEvent(eventId).stream().filter(d -> d.channel() == channel).findFirst().orElse(null);
    }

    private String sentDelivery(String eventId, Channel channel) {
        Delivery delivery = delivery(eventId, channel);
        return delivery != null && delivery.status() == DeliveryStatus.SENT ? delivery.id() : null;
    }

    private double failedSmsCount() {
        Counter counter = meters.find("notification.deliveries.failed").tag("channel", "SMS").counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode inbox(String token, String language) {
        ResponseEntity<String> response = RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/notifications/me?size=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .retrieve().toEntity(String.class);
        return JSON.readTree(response.getBody());
    }

    private JsonNode inboxEntry(String token, String id, String language) {
        return find(inbox(token, language).path("items"), id);
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (id.equals(item.path("id").asString())) {
                return item;
            }
        }
        throw new AssertionError("no entry " + id + " in " + items);
    }

    private ResponseEntity<String> call(String token, String method, String path, String json) {
        RestClient.RequestBodySpec request = RestClient.create("http://127.0.0.1:" + port)
                .method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class);
    }

    private static String applicantToken(String username, String password) {
        return TestInfrastructure.keycloak().tokens().password(username, password);
    }

    private static String subject(String token) {
        return claim(token, "sub");
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path(name).asString();
    }

    /** The masked form the service must show instead of a phone number. */
    private static final class Masking {
        static String of(String phone) {
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
    }
}
