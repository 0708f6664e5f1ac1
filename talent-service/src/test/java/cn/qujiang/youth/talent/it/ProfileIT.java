package cn.qujiang.youth.talent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.MeasurePublished.Mode;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.talent.admission.MatchingBacklog;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

class ProfileIT extends TalentIntegrationTest {
    static final String ID_A = idNumber("33080320000315123");
    static final String ID_B = idNumber("33080319980707004");
    static final String PHONE_A = "13812345678";
    static final String EMAIL_A = "zhang.san@example.com";

    private final MeterRegistry meters;
    private final MatchingBacklog backlog;

    ProfileIT(@LocalServerPort int port, MongoTemplate mongo, KafkaTemplate<String, String> kafka,
            OutboxRelay relay, MeterRegistry meters, MatchingBacklog backlog) {
        super(port, mongo, kafka, relay);
        this.meters = meters;
        this.backlog = backlog;
    }

    private static String policyService() {
        return TestInfrastructure.keycloak().tokens().clientCredentials("policy-service", "policy-service-dev-secret");
    }

    @Test
    void eventKeysAreForPolicyServicesAccountOnly() {
        createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        String me = subject(User.APPLICANT1);
        String notificationService = TestInfrastructure.keycloak().tokens()
                .clientCredentials("notification-service", "notification-service-dev-secret");

        Http.Response key = http.get("/internal/event-keys/" + me).token(policyService()).send();
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(http.get("/internal/event-keys/" + me).token(notificationService).send().status()).isEqualTo(403);
        assertThat(http.get("/internal/event-keys/" + me).token(token(User.APPLICANT1)).send().status()).isEqualTo(403);
        assertThat(http.get("/internal/event-keys/someone-else").token(policyService()).send().status()).isEqualTo(404);

        Http.Response many = http.post("/internal/event-keys/lookup",
                Map.of("applicantIds", List.of(me, "someone-else"))).token(policyService()).send();
        assertThat(many.status()).as(many.toString()).isEqualTo(200);
        assertThat(many.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(many.json().get("keys").propertyNames()).as("the unknown applicant has no key").containsExactly(me);
        assertThat(EventJson.read(many.json().get("keys").get(me).toString(), EventKey.class))
                .isEqualTo(EventJson.read(key.body(), EventKey.class));
        assertThat(http.post("/internal/event-keys/lookup", Map.of("applicantIds", List.of(me)))
                .token(notificationService).send().status()).isEqualTo(403);
        assertThat(http.post("/internal/event-keys/lookup", Map.of("applicantIds",
                Collections.nCopies(501, me))).token(policyService()).send().status())
                .as("at most 500 per lookup").isEqualTo(400);
    }

    private long profiles() {
        return mongo.getCollection("profiles").countDocuments();
    }

    @Test
    void savesAndReadsTheCallersProfileWithDerivedBirthDateAndGenderAndVersions() {
        Http.Response created = http.put("/api/talent/me/profile", profile("张三", ID_A, PHONE_A, EMAIL_A))
                .token(token(User.APPLICANT1)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).contains("\"1\"");
        JsonNode body = created.json();
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("birthDate").asString()).isEqualTo("2000-03-15");
        assertThat(body.get("gender").asString()).isEqualTo("MALE");
        assertThat(body.get("idNumber").asString()).isEqualTo(ID_A);
        assertThat(body.get("consent").get("noticeVersion").asString()).isEqualTo("2026-01");

        Http.Response read = http.get("/api/talent/me/profile").token(token(User.APPLICANT1)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("张三");

        Map<String, Object> change = profile("张三", ID_A, "13912345678", EMAIL_A);
        change.remove("consent"); // already given for the current notice
        Http.Response updated = http.put("/api/talent/me/profile", change).header("If-Match", "\"1\"")
                .token(token(User.APPLICANT1)).send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(updated.json().get("phone").asString()).isEqualTo("13912345678");

        Http.Response stale = http.put("/api/talent/me/profile", withVersion(change, 1))
                .token(token(User.APPLICANT1)).send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("STALE_VERSION");

        Http.Response noVersion = http.put("/api/talent/me/profile", change).token(token(User.APPLICANT1)).send();
        assertThat(noVersion.status()).isEqualTo(428);
        assertThat(profileVersion(User.APPLICANT1)).isEqualTo(2);
    }

    @Test
    void whileTheMatchingIsBehindSavesAreRefusedPolitelyAndNothingIsSaved() {
        long version = createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        Map<String, Object> change = withVersion(profile("张三", ID_A, "13912345678", EMAIL_A), version);
        change.remove("consent");
        // what the match listener reports when every save's results took 20 s (target 5 s: all saves refused)
        Runnable slowResults = () -> {
            for (int i = 0; i < 25; i++) {
                backlog.savedResultsStored(Duration.ofSeconds(20));
            }
        };
        slowResults.run();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> backlog.delay().compareTo(Duration.ofSeconds(20)) == 0);
        slowResults.run();  // the next window as slow: the belief holds while the saves below are sent

        Http.Response refused = http.put("/api/talent/me/profile", change).token(token(User.APPLICANT1)).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(refused.header("Retry-After")).contains("15");
        assertThat(refused.json().get("code").asString()).isEqualTo("OVERLOADED");
        assertThat(refused.json().get("detail").asString()).isEqualTo("服务当前繁忙，请 15 秒后再试。");
        Http.Response inEnglish = http.put("/api/talent/me/profile", change).header("Accept-Language", "en")
                .token(token(User.APPLICANT1)).send();
        assertThat(inEnglish.status()).isEqualTo(503);
        assertThat(inEnglish.json().get("detail").asString())
                .isEqualTo("The service is busy right now; try again in 15 seconds.");
        assertThat(profileVersion(User.APPLICANT1)).as("nothing saved").isEqualTo(version);

        // no saves' results for a whole window: nothing shows a queue any more
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> backlog.delay().isZero());
        Http.Response taken = http.put("/api/talent/me/profile", change).token(token(User.APPLICANT1)).send();
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("phone").asString()).isEqualTo("13912345678");
    }

    @Test
    void nothingIsStoredBeforeConsentToThePrivacyNotice() {
        Map<String, Object> body = profile("张三", ID_A, PHONE_A, EMAIL_A);
        body.remove("consent");
        Http.Response refused = http.put("/api/talent/me/profile", body).token(token(User.APPLICANT1)).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("CONSENT_REQUIRED");
        body.put("consent", Map.of("noticeVersion", "2019-01", "accepted", true));
        assertThat(http.put("/api/talent/me/profile", body).token(token(User.APPLICANT1)).send().status())
                .as("consent to an outdated notice").isEqualTo(400);
        assertThat(profiles()).isZero();
    }

    @Test
    void aProfileWriteEmitsExactlyOneFactsEventWithoutPersonalIdentifiers() {
        try (TopicProbe applicants = probe(Topics.TALENT_APPLICANT)) {
            createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
            String me = subject(User.APPLICANT1);
            List<ConsumerRecord<String, String>> events = applicants.awaitExactly(
                    record -> me.equals(record.key()), 1, Duration.ofSeconds(3));
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(TopicProbe.header(event, CloudEventHeaders.TYPE))
                    .isEqualTo(EventType.APPLICANT_PROFILE_CHANGED.typeId());
            assertThat(TopicProbe.header(event, CloudEventHeaders.SUBJECT)).isEqualTo(me);
            assertThat(TopicProbe.header(event, CloudEventHeaders.ID)).isNotBlank();
            assertThat(event.value()).doesNotContain(ID_A, PHONE_A, EMAIL_A, "张三", "浙江大学", "91330100716105852F")
                    .as("facts travel sealed").doesNotContain("2000-03-15", "birthDate");
            ApplicantProfileChanged changed = EventJson.read(event.value(), ApplicantProfileChanged.class);
            assertThat(changed.applicantId()).isEqualTo(me);
            assertThat(changed.profileVersion()).isEqualTo(1);
            EventKey key = EventJson.read(http.get("/internal/event-keys/" + me).token(policyService()).send().body(),
                    EventKey.class);
            assertThat(changed.facts(key).birthDate()).hasToString("2000-03-15");
            assertThat(changed.facts(key).socialInsuranceInQujiangSince()).isNotNull();
            assertThat(changed.heldMeasures()).isEmpty();
        }
    }

    @Test
    void rawStoredDocumentsHoldNoPlainPersonalData() {
        createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        relay.flush();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongo().uri("talent"))) {
            List<String> raw = new ArrayList<>();
            for (String collection : client.getDatabase("talent").listCollectionNames()) {
                client.getDatabase("talent").getCollection(collection).find()
                        .forEach((Document document) -> raw.add(document.toJson()));
            }
            assertThat(raw).isNotEmpty();
            assertThat(String.join("\n", raw)).doesNotContain(ID_A, PHONE_A, EMAIL_A, "张三",
                    ID_A.substring(6, 14) /* not even the birth-date digits of the number */);
            Document stored = client.getDatabase("talent").getCollection("profiles")
                    .find(new Document("_id", subject(User.APPLICANT1))).first();
            assertThat(stored.get("identity", Document.class).get("idNumber", Document.class).getString("keyId"))
                    .isEqualTo("dev1");
        }
    }

    @Test
    void clientsCannotSetServerOwnedFields() {
        long version = createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        for (String field : List.of("applicantId", "owner", "status", "heldMeasures", "birthDate", "gender")) {
            Map<String, Object> body = withVersion(profile("张三", ID_A, PHONE_A, EMAIL_A), version);
            body.put(field, field.equals("heldMeasures") ? List.of("QJY-99") : "x");
            Http.Response refused = http.put("/api/talent/me/profile", body).token(token(User.APPLICANT1)).send();
            assertThat(refused.status()).as(field).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
        assertThat(profileVersion(User.APPLICANT1)).as("nothing changed").isEqualTo(version);
    }

    @Test
    void badRequestsStoreNothing() {
        String wrongCheck = ID_A.substring(0, 17) + (ID_A.charAt(17) == '0' ? "1" : "0");
        Http.Response checksum = http.put("/api/talent/me/profile", profile("张三", wrongCheck, PHONE_A, EMAIL_A))
                .token(token(User.APPLICANT1)).send();
        assertThat(checksum.status()).isEqualTo(400);
        assertThat(checksum.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(checksum.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(checksum.json().get("errors").get(0).get("message").asString()).contains("校验码");
        assertThat(checksum.body()).doesNotContain(wrongCheck);

        Http.Response english = http.put("/api/talent/me/profile", profile("张三", ID_A, "12345", EMAIL_A))
                .header("Accept-Language", "en").token(token(User.APPLICANT1)).send();
        assertThat(english.json().get("errors").get(0).get("message").asString()).contains("mobile number");

        Http.Response badEnum = http.put("/api/talent/me/profile", withField(profile("张三", ID_A, PHONE_A, EMAIL_A),
                "hukou", "MARS")).token(token(User.APPLICANT1)).send();
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("hukou");

        Http.Response malformed = http.put("/api/talent/me/profile", "{\"name\": \"张三\", ").token(token(User.APPLICANT1)).send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("MALFORMED_BODY");

        Http.Response wrongType = http.put("/api/talent/me/profile", Http.JSON.writeValueAsString(
                profile("张三", ID_A, PHONE_A, EMAIL_A))).contentType("text/plain").token(token(User.APPLICANT1)).send();
        assertThat(wrongType.status()).isEqualTo(415);

        assertThat(profiles()).isZero();
    }

    @Test
    void oneProfilePerIdNumberWithoutTellingTheOtherCallerWhy() {
        createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        Http.Response conflict = http.put("/api/talent/me/profile", profile("李四", ID_A, "13700000000", null))
                .token(token(User.APPLICANT2)).send();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("code").asString()).isEqualTo("PROFILE_CONFLICT");
        assertThat(conflict.body()).doesNotContain(ID_A).doesNotContainIgnoringCase("exist").doesNotContain("已存在")
                .doesNotContain("已注册");
        assertThat(http.get("/api/talent/me/profile").token(token(User.APPLICANT2)).send().status()).isEqualTo(404);
        assertThat(http.put("/api/talent/me/profile", profile("李四", ID_B, "13700000000", null))
                .token(token(User.APPLICANT2)).send().status()).isEqualTo(201);
    }

    @Test
    void applicantsOnlyEverReachTheirOwnProfile() {
        createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        Http.Response other = http.get("/api/talent/me/profile").token(token(User.APPLICANT2)).send();
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("张三");
        // B writing creates B's own profile; A's stays untouched
        createProfile(User.APPLICANT2, "李四", ID_B, "13700000000", null);
        assertThat(http.get("/api/talent/me/profile").token(token(User.APPLICANT1)).send().json()
                .get("name").asString()).isEqualTo("张三");
    }

    @Test
    void rolesDecideWhichApiIsReachable() {
        assertThat(http.get("/api/talent/me/profile").send().status()).isEqualTo(401);
        assertThat(http.get("/api/talent/me/profile").token(token(User.HR1)).send().status()).isEqualTo(403);
        assertThat(http.get("/api/talent/review/applications").token(token(User.APPLICANT1)).send().status())
                .isEqualTo(403);
        assertThat(http.get("/internal/contacts/" + subject(User.APPLICANT1)).token(token(User.APPLICANT1)).send()
                .status()).isEqualTo(403);
        assertThat(http.get("/internal/contacts/" + subject(User.APPLICANT1)).token(token(User.HR1)).send().status())
                .isEqualTo(403);
    }

    @Test
    void notificationServiceReadsDecryptedContactsUntilTheApplicantIsErased() {
        createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        String service = TestInfrastructure.keycloak().tokens()
                .clientCredentials("notification-service", "notification-service-dev-secret");
        String me = subject(User.APPLICANT1);
        Http.Response contact = http.get("/internal/contacts/" + me).token(service).send();
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.json().get("phone").asString()).isEqualTo(PHONE_A);
        assertThat(contact.json().get("email").asString()).isEqualTo(EMAIL_A);
        assertThat(contact.json().get("name").asString()).isEqualTo("张三");
        assertThat(contact.json().get("preferredLanguage").asString()).isEqualTo("zh");
        assertThat(contact.json().has("idNumber")).isFalse();

        try (TopicProbe applicants = probe(Topics.TALENT_APPLICANT)) {
            assertThat(http.delete("/api/talent/me").token(token(User.APPLICANT1)).send().status()).isEqualTo(204);
            List<ConsumerRecord<String, String>> erased = applicants.awaitCount(record -> me.equals(record.key())
                    && EventType.APPLICANT_ERASED.typeId().equals(TopicProbe.header(record, CloudEventHeaders.TYPE)), 1);
            assertThat(erased.get(0).value()).contains(me).doesNotContain(PHONE_A);
        }
        assertThat(http.get("/internal/contacts/" + me).token(service).send().status()).isEqualTo(404);
        assertThat(http.get("/internal/event-keys/" + me).token(policyService()).send().status())
                .as("the event key is gone: nothing sealed for the applicant opens any more").isEqualTo(404);
        assertThatThrownBy(() -> TestInfrastructure.keycloak().tokens().password(User.APPLICANT1.username,
                User.APPLICANT1.password)).as("the Keycloak account is deleted: the old password no longer signs in")
                .isInstanceOf(RuntimeException.class);
        assertThat(http.get("/api/talent/me/profile").token(token(User.APPLICANT1)).send().status()).isEqualTo(404);
        Document tombstone = mongo.getCollection("profiles").find(new Document("_id", me)).first();
        assertThat(tombstone).doesNotContainKeys("identity", "facts", "idIndex", "details", "consent");
        // the ID number is free again: the same person may register anew
        assertThat(http.put("/api/talent/me/profile", profile("张三", ID_A, PHONE_A, EMAIL_A))
                .token(token(User.APPLICANT1)).send().status()).isEqualTo(201);
    }

    @Test
    void matchResultsAreShownInTheCallersLanguageAndADuplicateEventIsHarmless() {
        long version = createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        String me = subject(User.APPLICANT1);
        ensureCatalogue(Stream.of("QJY-01", "QJY-12", "QJY-13").map(code -> measure(code, 1, Mode.APPLY,
                LocalDate.of(2024, 1, 1), null, null, List.of(), 5)).toArray(MeasurePublished[]::new));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var event = matches(me, version, at, List.of("QJY-01"), result("QJY-01", Outcome.ELIGIBLE),
                result("QJY-12", Outcome.NEEDS_INFO), result("QJY-13", Outcome.INELIGIBLE));
        deliverMatches(event);
        JsonNode zh = http.get("/api/talent/me/matches").token(token(User.APPLICANT1)).send().json();
        publish(event, me); // the same results again
        publish(matches(me, version - 1, at.plusSeconds(60), List.of(),
                result("QJY-01", Outcome.INELIGIBLE)), me); // an older profile version, arriving late
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/api/talent/me/matches").token(token(User.APPLICANT1)).send().json().equals(zh));

        assertThat(zh.get("current").asBoolean()).isTrue();
        JsonNode eligible = zh.get("results").get(0);
        assertThat(eligible.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(eligible.get("amount").asLong()).isEqualTo(3000);
        assertThat(eligible.get("title").asString()).isEqualTo("政策QJY-01");
        assertThat(eligible.get("unitLabel").asString()).isEqualTo("元");
        assertThat(eligible.get("amountText").asString()).isEqualTo("3,000 元");
        JsonNode needsInfo = zh.get("results").get(1);
        assertThat(needsInfo.get("missingFacts").get(0).get("label").asString()).isEqualTo("劳动合同期限");
        JsonNode failed = zh.get("results").get(2).get("failedCriteria").get(0);
        assertThat(failed.get("label").asString()).isEqualTo("在区内缴纳社保");
        assertThat(failed.get("hint").asString()).isEqualTo("请补充社保缴纳月数");
        assertThat(failed.get("values").get(0).get("label").asString()).isEqualTo("在衢江缴纳社保");
        assertThat(failed.get("values").get(0).get("value").asString()).isEqualTo("6 个月");

        JsonNode en = http.get("/api/talent/me/matches").header("Accept-Language", "en").token(token(User.APPLICANT1))
                .send().json();
        assertThat(en.get("results").get(0).get("title").asString()).isEqualTo("Measure QJY-01");
        assertThat(en.get("results").get(0).get("amountText").asString()).isEqualTo("3,000 yuan");
        assertThat(en.get("results").get(1).get("missingFacts").get(0).get("label").asString())
                .isEqualTo("Length of the labour contract");
        assertThat(en.get("results").get(2).get("failedCriteria").get(0).get("hint").asString())
                .isEqualTo("Add your months of social insurance");

        assertThat(http.get("/api/talent/me/matches").token(token(User.APPLICANT2)).send().json().get("results"))
                .as("another applicant sees none of it").isEmpty();
    }

    @Test
    void theMatchStatusSaysWhetherResultsAreCurrentAnUnchangedPollIs304AndItIsAlwaysTheCallersOwn() {
        String status = "/api/talent/me/matches/status";
        JsonNode none = http.get(status).token(token(User.APPLICANT1)).send().json();
        assertThat(none.has("profileVersion")).as("no profile yet").isFalse();
        assertThat(none.get("current").asBoolean()).isFalse();

        long version = createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        Http.Response behind = http.get(status).token(token(User.APPLICANT1)).send();
        assertThat(behind.status()).isEqualTo(200);
        assertThat(behind.header("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("no-cache").contains("private"));
        assertThat(behind.json().get("profileVersion").asLong()).isEqualTo(version);
        assertThat(behind.json().has("evaluatedProfileVersion")).as("not evaluated yet").isFalse();
        assertThat(behind.json().get("current").asBoolean()).isFalse();
        String behindTag = behind.header("ETag").orElseThrow();

        Http.Response unchanged = http.get(status).header("If-None-Match", behindTag).token(token(User.APPLICANT1))
                .send();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).contains(behindTag);

        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        deliverMatches(matches(subject(User.APPLICANT1), version, at, List.of(), result("QJY-01", Outcome.ELIGIBLE)));
        Http.Response current = http.get(status).header("If-None-Match", behindTag).token(token(User.APPLICANT1))
                .send();
        assertThat(current.status()).as("evaluated since the ETag sent").isEqualTo(200);
        assertThat(current.json().get("evaluatedProfileVersion").asLong()).isEqualTo(version);
        assertThat(current.json().get("current").asBoolean()).isTrue();
        assertThat(Instant.parse(current.json().get("evaluatedAt").asString())).isEqualTo(at);
        String currentTag = current.header("ETag").orElseThrow();
        assertThat(http.get(status).header("If-None-Match", currentTag).token(token(User.APPLICANT1)).send().status())
                .isEqualTo(304);

        Http.Response other = http.get(status).header("If-None-Match", currentTag).token(token(User.APPLICANT2)).send();
        assertThat(other.status()).as("another applicant's tag says nothing about the caller").isEqualTo(200);
        assertThat(other.json().has("profileVersion")).isFalse();
        assertThat(other.json().get("current").asBoolean()).isFalse();
        createProfile(User.APPLICANT2, "李四", ID_B, "13912345678", null);
        JsonNode theirs = http.get(status).token(token(User.APPLICANT2)).send().json();
        assertThat(theirs.get("profileVersion").asLong()).isEqualTo(1);
        assertThat(theirs.has("evaluatedProfileVersion")).as("applicant 1's evaluation is not theirs").isFalse();
        assertThat(theirs.get("current").asBoolean()).isFalse();
    }

    @Test
    void aStatusAskedToWaitForTheSavedVersionAnswersOnceItsResultsAreStored() throws Exception {
        long version = createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        String waitFor = "/api/talent/me/matches/status?version=" + version + "&waitSeconds=20";
        String bearer = token(User.APPLICANT1);
        CompletableFuture<Http.Response> waiting = CompletableFuture.supplyAsync(() ->
                http.get(waitFor).token(bearer).send());
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingRequests() == 1);
        assertThat(waiting).as("no results of that version yet").isNotDone();

        deliverMatches(matches(subject(User.APPLICANT1), version, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of(), result("QJY-01", Outcome.ELIGIBLE)));
        Http.Response answered = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("evaluatedProfileVersion").asLong()).isEqualTo(version);
        assertThat(answered.json().get("current").asBoolean()).isTrue();
        assertThat(waitingRequests()).isZero();

        Http.Response already = http.get(waitFor).token(token(User.APPLICANT1)).send();
        assertThat(already.json().get("current").asBoolean()).as("stored already: answered at once").isTrue();
        assertThat(http.get(waitFor).header("If-None-Match", already.header("ETag").orElseThrow())
                .token(token(User.APPLICANT1)).send().status()).isEqualTo(304);
    }

    @Test
    void aWaitEndsWithTheStatusAsItIsAndAWaitTooLongOrForNoVersionIsRefused() {
        long version = createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        JsonNode behind = http.get("/api/talent/me/matches/status?version=" + version + "&waitSeconds=1")
                .token(token(User.APPLICANT1)).send().json();
        assertThat(behind.get("current").asBoolean()).as("nothing came within the second").isFalse();
        assertThat(waitingRequests()).isZero();

        for (String query : List.of("version=1&waitSeconds=21", "version=0&waitSeconds=5", "waitSeconds=5",
                "version=1&waitSeconds=soon")) {
            Http.Response refused = http.get("/api/talent/me/matches/status?" + query)
                    .token(token(User.APPLICANT1)).send();
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(query).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.json().get("detail").asString()).as(query).isNotBlank();
        }
        JsonNode noVersion = http.get("/api/talent/me/matches/status?waitSeconds=5").token(token(User.APPLICANT1))
                .send().json();
        assertThat(noVersion.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(noVersion.get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(noVersion.get("errors").get(0).get("message").asString()).isEqualTo("此参数为必填项。");
    }

    private double waitingRequests() {
        return meters.get("talent.matches.status.waiting").gauge().value();
    }

    @Test
    void exportHoldsEverythingDecryptedForTheCallerOnly() {
        long version = createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        deliverMatches(matches(subject(User.APPLICANT1), version, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of(), result("QJY-01", Outcome.ELIGIBLE)));
        Http.Response export = http.get("/api/talent/me/export").token(token(User.APPLICANT1)).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        JsonNode body = export.json();
        assertThat(body.get("profile").get("idNumber").asString()).isEqualTo(ID_A);
        assertThat(body.get("profile").get("email").asString()).isEqualTo(EMAIL_A);
        assertThat(body.get("matches").get(0).get("measureCode").asString()).isEqualTo("QJY-01");
        assertThat(body.get("applications")).isEmpty();
        assertThat(http.get("/api/talent/me/export").token(token(User.APPLICANT2)).send().body()).doesNotContain(ID_A);
    }

    @Test
    void exportHoldsWhatNotificationServiceHoldsOrAnswers503WhileItIsDown() {
        createProfile(User.APPLICANT1, "张三", ID_A, PHONE_A, EMAIL_A);
        String me = subject(User.APPLICANT1);
        notificationService.stubFor(WireMock.get("/internal/applicants/" + me + "/notifications")
                .withHeader("Authorization", WireMock.matching("Bearer .+"))
                .withHeader("Accept-Language", WireMock.equalTo("en"))
                .willReturn(WireMock.okJson("""
                        {"inbox": [{"id": "m1", "title": "Application received", "read": false}],
                         "preferences": {"smsQuietHours": {"enabled": true, "from": "23:00", "to": "08:00"}},
                         "deliveries": [{"channel": "SMS", "template": "application-submitted", "status": "SENT",
                                         "recipient": "138****5678"}]}""")));

        JsonNode export = http.get("/api/talent/me/export").header("Accept-Language", "en")
                .token(token(User.APPLICANT1)).send().json();
        JsonNode notifications = export.get("notifications");
        assertThat(notifications.get("inbox").get(0).get("title").asString()).isEqualTo("Application received");
        assertThat(notifications.get("preferences").get("smsQuietHours").get("from").asString()).isEqualTo("23:00");
        assertThat(notifications.get("deliveries").get(0).get("template").asString())
                .isEqualTo("application-submitted");
        assertThat(export.get("profile").get("idNumber").asString()).isEqualTo(ID_A);
        String token = notificationService.findAll(WireMock.getRequestedFor(
                WireMock.urlEqualTo("/internal/applicants/" + me + "/notifications"))).get(0)
                .getHeader("Authorization").substring("Bearer ".length());
        JsonNode claims = Http.JSON.readTree(new String(java.util.Base64.getUrlDecoder().decode(
                token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(claims.get("azp").asString()).isEqualTo("talent-service");
        assertThat(claims.get("realm_access").get("roles").toString()).contains("notification-reader")
                .doesNotContain("contact-reader", "applicant");

        notificationService.stubFor(WireMock.get(WireMock.urlPathMatching("/internal/.*"))
                .willReturn(WireMock.aResponse().withStatus(503)));
        for (String path : List.of("/api/talent/me/export", "/api/talent/me/export/archive")) {
            Http.Response down = http.get(path).token(token(User.APPLICANT1)).send();
            assertThat(down.status()).as(path).isEqualTo(503);
            assertThat(down.header("Retry-After")).as(path).hasValue("30");
            assertThat(down.json().get("code").asString()).isEqualTo("NOTIFICATIONS_UNAVAILABLE");
            assertThat(down.body()).doesNotContain(ID_A, "张三");
        }
    }

    @Test
    void theApiIsDescribedForClientsWithoutAToken() {
        Http.Response docs = http.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/talent/me/profile")).isTrue();
        assertThat(docs.json().get("paths").has("/api/talent/review/applications/{id}/decision")).isTrue();
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, long version) {
        return withField(body, "version", version);
    }

    private static Map<String, Object> withField(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
