package cn.qujiang.youth.talent.it;

import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.infra.ShiftableClock;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.TalentApplication;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;

/**
 * The service on a random port against the real Kafka broker, MongoDB-wire server and Keycloak of infra-kit
 * (started once per test JVM; the Spring context is shared by every IT class). Each test starts from empty
 * collections; the catalogue replica is kept because the compacted topic is only read once. WireMock stands in for
 * notification-service's internal API (a resident's messages and preferences in the export).
 */
@SpringBootTest(classes = TalentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@Import({TalentIntegrationTest.DistrictClock.class, SweepLockLog.class})
abstract class TalentIntegrationTest {
    static final List<String> COLLECTIONS = List.of("profiles", "applications", "matches", "eligible_counts", "quota_counters",
            "identity_disclosures", "uptake_counts");

    enum User {
        APPLICANT1("applicant1", "Applicant1pass"), APPLICANT2("applicant2", "Applicant2pass"),
        HR1("hr1", "Hrofficer1pass"), HR2("hr2", "Hrofficer2pass"), ADMIN1("admin1", "Policyadmin1pass");

        final String username;
        final String password;

        User(String username, String password) {
            this.username = username;
            this.password = password;
        }
    }

    /** Real time unless a test moves it ("next year"); every IT class shares this one clock and puts it back. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DistrictClock {
        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock(ServiceZone.ZONE);
        }
    }

    static final WireMockServer notificationService = startNotificationService();

    /** Answers every applicant's notification data with nothing held (a test may stub more, or an outage). */
    private static WireMockServer startNotificationService() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort()
                .bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    static void notificationServiceHoldsNothing() {
        notificationService.resetAll();
        notificationService.stubFor(WireMock.get(WireMock.urlPathMatching("/internal/applicants/[^/]+/notifications"))
                .withHeader("Authorization", WireMock.matching("Bearer .+"))
                .willReturn(WireMock.okJson("""
                        {"inbox": [], "deliveries": [],
                         "preferences": {"smsQuietHours": {"enabled": true, "from": "22:00", "to": "08:00"}}}""")));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** What every instance of the service under test is started with (a second one: {@code SweepsOnceIT}). */
    static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>(TestInfrastructure.kafkaMongoAndKeycloak("talent"));
        properties.put("qujiang.notifications.base-url", notificationService.baseUrl());
        properties.put("qujiang.talent.recovery-interval", "PT2S");
        properties.put("qujiang.talent.overdue-refresh", "PT1S");
        properties.put("qujiang.outbox.sweep-interval", "PT1S");
        // the expiry sweep every second, so a test that moves the clock past a term's end sees it ended at once
        properties.put("qujiang.talent.expiry-cron", "* * * * * *");
        properties.put("qujiang.talent.expiry-lock-at-least-for", "PT0S");
        return properties;
    }

    final int port;
    final MongoTemplate mongo;
    final KafkaTemplate<String, String> kafka;
    final OutboxRelay relay;

    TalentIntegrationTest(int port, MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxRelay relay) {
        this.port = port;
        this.mongo = mongo;
        this.kafka = kafka;
        this.relay = relay;
    }

    Http http;
    private final Map<User, String> tokens = new HashMap<>();

    @BeforeEach
    void cleanSlate() {
        http = new Http(port);
        tokens.clear();
        relay.flush();
        COLLECTIONS.forEach(collection -> mongo.remove(new Query(), collection));
        notificationServiceHoldsNothing();
    }

    String token(User user) {
        return tokens.computeIfAbsent(user, u -> {
            try {
                return TestInfrastructure.keycloak().tokens().password(u.username, u.password);
            } catch (RuntimeException signInRefused) {
                if (!u.username.startsWith("applicant")) {
                    throw signInRefused;
                }
                // An erasure test deleted this dev resident's Keycloak account, as erasure does: register anew.
                TestInfrastructure.keycloak().admin().createApplicant(u.username, u.password,
                        u.username + "@example.com");
                return TestInfrastructure.keycloak().tokens().password(u.username, u.password);
            }
        });
    }

    String subject(User user) {
        String payload = token(user).split("\\.")[1];
        return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .get("sub").asString();
    }

    TopicProbe probe(String topic) {
        return new TopicProbe(TestInfrastructure.kafka().bootstrapServers(), topic);
    }

    /** An ID number with a correct check character, computed here independently of the service's code. */
    static String idNumber(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * (int) (Math.pow(2, 17 - i) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : Integer.toString(check));
    }

    static Map<String, Object> profile(String name, String idNumber, String phone, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consent", Map.of("noticeVersion", "2026-01", "accepted", true));
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        body.put("email", email);
        body.put("preferredLanguage", "zh");
        body.put("education", Map.of("degree", "BACHELOR", "school", "浙江大学", "graduationDate", "2025-06-30",
                "topUniversity", true));
        body.put("hukou", "OUT_OF_PROVINCE");
        body.put("residence", Map.of("residesInQujiang", true, "firstTimeInQujiang", true));
        body.put("employment", Map.of("status", "EMPLOYED", "employer", "衢江某科技有限公司",
                "employerCreditCode", "91330100716105852F", "employerInQujiang", true,
                "socialInsuranceInQujiangSince", "2025-06-01"));
        return body;
    }

    /** Saves a fresh profile for {@code user} and returns its version. */
    long createProfile(User user, String name, String idNumber, String phone, String email) {
        Http.Response response = http.put("/api/talent/me/profile", profile(name, idNumber, phone, email))
                .token(token(user)).send();
        if (response.status() != 201) {
            throw new AssertionError("profile not created: " + response);
        }
        return response.json().get("version").asLong();
    }

    long profileVersion(User user) {
        return http.get("/api/talent/me/profile").token(token(user)).send().json().get("version").asLong();
    }

    Http.Response apply(User user, String code) {
        return http.post("/api/talent/me/applications", Map.of("measureCode", code)).token(token(user)).send();
    }

    Http.Response decide(User officer, String id, long version, String decision, String reason) {
        return http.post("/api/talent/review/applications/" + id + "/decision",
                Map.of("version", version, "decision", decision, "reasonCode", reason, "comment", "已核对"))
                .token(token(officer)).send();
    }

    /** Publishes an event as the owning service would: CloudEvents headers, JSON value. */
    void publish(Object payload, String key) {
        EventType type = EventType.of(payload);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, EventJson.write(payload));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.SOURCE, "/talent-it");
        header(record, CloudEventHeaders.TYPE, type.typeId());
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.SUBJECT, key);
        try {
            kafka.send(record).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    static MeasurePublished measure(String code, int version, MeasurePublished.Mode mode, LocalDate opens,
            LocalDate closes, Integer quota, List<String> excludes, int responseWorkingDays) {
        return measure(code, version, mode, opens, closes, quota, excludes, responseWorkingDays, null);
    }

    static MeasurePublished measure(String code, int version, MeasurePublished.Mode mode, LocalDate opens,
            LocalDate closes, Integer quota, List<String> excludes, int responseWorkingDays, GrantTerm grant) {
        return new MeasurePublished(code, version, MeasurePublished.Status.ACTIVE,
                LocalizedText.of("政策" + code, "Measure " + code), "HOUSING", mode, opens, closes, quota, excludes,
                "CASH", "CNY", responseWorkingDays, Instant.now(),
                List.of(new MeasurePublished.Criterion("insured",
                        LocalizedText.of("在区内缴纳社保", "Social insurance in the district"),
                        LocalizedText.of("请补充社保缴纳月数", "Add your months of social insurance"))), grant);
    }

    /** Publishes the measures (unless the replica holds them already) and waits until the replica has them. */
    void ensureCatalogue(MeasurePublished... measures) {
        for (MeasurePublished measure : measures) {
            if (!replicaHolds(measure)) {
                publish(measure, measure.code());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(measures).stream().allMatch(this::replicaHolds));
    }

    private boolean replicaHolds(MeasurePublished measure) {
        return mongo.exists(Query.query(Criteria.where("_id").is(measure.code()).and("version").is(measure.version())),
                "catalogue");
    }

    static MatchResult result(String code, Outcome outcome) {
        CriterionStatus status = outcome == Outcome.ELIGIBLE ? CriterionStatus.PASSED
                : outcome == Outcome.NEEDS_INFO ? CriterionStatus.UNKNOWN : CriterionStatus.FAILED;
        return new MatchResult(code, 1, outcome,
                outcome == Outcome.ELIGIBLE ? 3000L : null, outcome == Outcome.ELIGIBLE ? "CNY" : null, "CASH", false,
                List.of(new CriterionResult("insured", status, Map.of("socialInsuranceMonthsInQujiang", 6), null, null)),
                outcome == Outcome.NEEDS_INFO ? List.of("laborContractMonths") : List.of(), List.of(), null);
    }

    static MatchesEvaluated matches(String applicantId, long profileVersion, Instant evaluatedAt,
            List<String> newlyEligible, MatchResult... results) {
        return new MatchesEvaluated(applicantId, profileVersion, LocalDate.now(), evaluatedAt,
                MatchesEvaluated.Trigger.PROFILE_CHANGED, List.of(results), newlyEligible, List.of());
    }

    /** The latest match for the caller's current profile version says ELIGIBLE for these codes. */
    void eligible(User user, List<String> newlyEligible, String... codes) {
        List<MatchResult> results = new ArrayList<>();
        for (String code : codes) {
            results.add(result(code, Outcome.ELIGIBLE));
        }
        results.add(result("IT-NO", Outcome.INELIGIBLE));
        deliverMatches(matches(subject(user), profileVersion(user),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), newlyEligible,
                results.toArray(MatchResult[]::new)));
    }

    /** Publishes match results and waits until the read model shows that evaluation. */
    void deliverMatches(MatchesEvaluated event) {
        publish(event, event.applicantId());
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(event.applicantId()).and("profileVersion").is(event.profileVersion())
                .and("evaluatedAt").is(java.util.Date.from(event.evaluatedAt()))), "matches"));
    }
}
