package cn.qujiang.youth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.ShiftableClock;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.policy.eventkey.ApplicantKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * policy-service against a real Kafka broker, the MongoDB-wire server and Keycloak: profile events in, match events
 * out, the four-eyes catalogue workflow over HTTP with real tokens, and a publish that re-matches stored applicants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class PolicyServiceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static KafkaProbe kafka;

    private final int port;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final ShiftableClock clock;

    PolicyServiceIT(@LocalServerPort int port, MongoTemplate mongo, OutboxRelay relay, ShiftableClock clock) {
        this.port = port;
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class DistrictClock {
        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock(DISTRICT);
        }

        /** talent-service's event keys: created when a test seals a profile event, deleted when it erases. */
        @Bean
        @Primary
        ApplicantKeys talentsKeys() {
            return new ApplicantKeys() {
                @Override
                public Optional<EventKey> find(String applicantId) {
                    return Optional.ofNullable(KEYS.get(applicantId));
                }

                @Override
                public void forget(String applicantId) {
                }
            };
        }
    }

    private static final Map<String, EventKey> KEYS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaMongoAndKeycloak("policy-it").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("qujiang.policy.matching.catch-up-interval", () -> "2s");
    }

    @BeforeAll
    static void probe() {
        kafka = new KafkaProbe(TestInfrastructure.kafka().bootstrapServers(), Topics.POLICY_MATCH,
                Topics.deadLetterOf(Topics.TALENT_APPLICANT),
                Topics.POLICY_CATALOGUE);
    }

    @AfterAll
    static void closeProbe() {
        kafka.close();
    }

    @Test
    @Order(1)
    void theSeedIsPublishedOnceAsVersionOneAndListedAsASample() {
        await().atMost(WAIT).until(() -> kafka.events(MeasurePublished.class, m -> true).size() >= 40);
        assertThat(kafka.events(MeasurePublished.class, m -> true))
                .allSatisfy(m -> assertThat(m.version()).isEqualTo(1))
                .allSatisfy(m -> assertThat(m.criteria()).isNotEmpty()
                        .allSatisfy(criterion -> assertThat(criterion.label().zh()).isNotBlank()))
                .extracting(MeasurePublished::code).doesNotHaveDuplicates().contains("QJY-01");

        JsonNode list = api().get("/api/policy/measures?lang=en", null).json();
        assertThat(list.get("sample").asBoolean()).isTrue();
        assertThat(list.get("notice").asString()).contains("Sample");
        assertThat(list.get("count").asInt()).isEqualTo(40);
        JsonNode housing = api().get("/api/policy/measures?category=HOUSING", null).json();
        assertThat(housing.get("measures").valueStream().map(m -> m.get("category").asString()))
                .isNotEmpty().containsOnly("HOUSING");

        JsonNode station = api().get("/api/policy/measures/QJY-01", null, "en").json();
        assertThat(station.get("title").asString()).isEqualTo("Free lodging at youth stations");
        assertThat(station.get("criteria").get(0).get("label").asString()).isEqualTo("Aged 18 to 35");
        assertThat(station.get("benefit").get("amount").asLong()).isEqualTo(7);
        assertThat(api().get("/api/policy/measures/QJY-01", null).json().get("title").asString())
                .isEqualTo("青年驿站免费住宿");

        assertThat(kafka.events(MeasurePublished.class, m -> m.code().equals("QJY-17")).get(0).grant())
                .isEqualTo(new GrantTerm(GrantTerm.Term.MONTHS, 36, null));
        JsonNode nightSchool = api().get("/api/policy/measures/QJY-39", null, "en").json().get("grant");
        assertThat(nightSchool.get("term").asString()).isEqualTo("BATCH");
        assertThat(nightSchool.get("batch").get("name").asString()).isEqualTo("Spring 2027");
        assertThat(nightSchool.get("batch").get("ends").asString()).isEqualTo("2027-06-30");
    }

    @Test
    @Order(2)
    void aProfileEventProducesMatchesForEveryActiveMeasure() {
        String applicant = UUID.randomUUID().toString();
        ApplicantProfileChanged changed = profile(applicant, 1, jobSeeker(24));
        kafka.send(changed, applicant);

        MatchesEvaluated evaluated = awaitMatches(applicant, 1, Trigger.PROFILE_CHANGED);
        assertThat(evaluated.profileChangedAt()).as("when the save was made, for how long matching took")
                .isEqualTo(changed.changedAt());
        assertThat(evaluated.results()).hasSize(40);
        assertThat(evaluated.results()).filteredOn(r -> r.measureCode().equals("QJY-01")).singleElement()
                .satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(Outcome.ELIGIBLE);
                    assertThat(r.amount()).isEqualTo(7);
                    assertThat(r.criteria()).extracting(MatchesEvaluated.CriterionResult::id)
                            .containsExactly("age", "from-outside", "first-job-search");
                    assertThat(r.criteria().get(0).values()).isEqualTo(Map.of("age", 24));
                });
        assertThat(EventJson.write(evaluated)).as("no texts on the wire").doesNotContain("\"zh\"");
        assertThat(kafka.events(MatchesEvaluated.class, m -> m.applicantId().equals(applicant)))
                .as("the applicant's values travel sealed").singleElement()
                .satisfies(raw -> assertThat(EventJson.write(raw)).doesNotContain("\"values\"", "JOB_SEEKING"));
        assertThat(evaluated.newlyEligible()).contains("QJY-01").containsExactlyInAnyOrderElementsOf(
                evaluated.results().stream().filter(r -> r.outcome() == Outcome.ELIGIBLE)
                        .map(MatchesEvaluated.MatchResult::measureCode).toList());
        assertThat(evaluated.asOf()).isEqualTo(LocalDate.now(DISTRICT));
    }

    @Test
    @Order(3)
    void aRedeliveredOrOlderProfileEventChangesNothing() {
        String applicant = UUID.randomUUID().toString();
        kafka.send(profile(applicant, 2, jobSeeker(24)), applicant);
        awaitMatches(applicant, 2, Trigger.PROFILE_CHANGED);

        kafka.send(profile(applicant, 2, jobSeeker(24)), applicant);
        kafka.send(profile(applicant, 1, jobSeeker(50)), applicant);
        kafka.send(profile(applicant, 3, jobSeeker(30)), applicant); // same key, same partition: processed after both
        awaitMatches(applicant, 3, Trigger.PROFILE_CHANGED);

        assertThat(kafka.events(MatchesEvaluated.class, m -> m.applicantId().equals(applicant)))
                .extracting(MatchesEvaluated::profileVersion).containsExactly(2L, 3L);
        assertThat(mongo.findById(applicant, Document.class, "applicant_matches").getLong("profileVersion"))
                .isEqualTo(3L);
    }

    @Test
    @Order(4)
    void anApplicantSeesOnlyTheirOwnResultsAndHrSeesOnlyIdsOfTheEligible() {
        String token = token("applicant1", "Applicant1pass");
        String applicant = Http.subject(token);
        kafka.send(profile(applicant, 1, jobSeeker(24)), applicant);
        awaitMatches(applicant, 1, Trigger.PROFILE_CHANGED);

        Http.Response mine = api().get("/api/policy/me/results", token, "en");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("profileVersion").asLong()).isEqualTo(1);
        JsonNode station = mine.json().get("results").valueStream()
                .filter(r -> r.get("measureCode").asString().equals("QJY-01")).findFirst().orElseThrow();
        assertThat(station.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(station.get("title").asString()).isEqualTo("Free lodging at youth stations");
        assertThat(station.get("criteria").get(0).get("label").asString()).isEqualTo("Aged 18 to 35");
        assertThat(api().get("/api/policy/me/results", token).json().get("results").get(0).get("title").asString())
                .matches(".*\\p{IsHan}.*");

        Http.Response other = api().get("/api/policy/me/results", token("applicant2", "Applicant2pass"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/policy/me/results", null).status()).isEqualTo(401);

        Http.Response eligible = api().get("/api/policy/measures/QJY-01/eligible?size=500",
                token("hr1", "Hrofficer1pass"));
        assertThat(eligible.status()).isEqualTo(200);
        assertThat(eligible.json().get("applicants").valueStream().map(a -> a.get("applicantId").asString()))
                .contains(applicant);
        assertThat(eligible.json().get("applicants").get(0).propertyNames()).containsOnly("applicantId", "outcome");
        assertThat(api().get("/api/policy/measures/QJY-01/eligible", token).status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void theAnonymousCalculatorEvaluatesWithoutATokenAndStoresNothing() {
        long stored = mongo.getCollection("applicant_matches").countDocuments();
        Http.Response response = api().post("/api/policy/evaluate", null,
                Map.of("facts", jobSeeker(24), "heldMeasures", List.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("sample").asBoolean()).isTrue();
        assertThat(response.json().get("results")).hasSize(40);
        assertThat(response.json().get("summary").get("eligible").asLong()).isPositive();
        assertThat(mongo.getCollection("applicant_matches").countDocuments()).isEqualTo(stored);
    }

    @Test
    @Order(6)
    void theAuthorCannotApproveTheirOwnDraftAndConcurrentEditsConflict() {
        String admin1 = token("admin1", "Policyadmin1pass");
        String admin2 = token("admin2", "Policyadmin2pass");
        Http.Response created = api().post("/api/policy/admin/measures", admin1, Map.of("measure",
                newMeasure("QJY-T1", "applicant.age >= 18")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("draftRevision").asLong()).isEqualTo(1);

        Http.Response ownApproval = api().post("/api/policy/admin/measures/QJY-T1/draft/approve", admin1,
                Map.of("draftRevision", 1));
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.code()).isEqualTo("AUTHOR_CANNOT_APPROVE");

        assertThat(api().put("/api/policy/admin/measures/QJY-T1/draft", admin2, Map.of("draftRevision", 1,
                "measure", newMeasure("QJY-T1", "applicant.age >= 20"))).status()).isEqualTo(200);
        Http.Response stale = api().put("/api/policy/admin/measures/QJY-T1/draft", admin1, Map.of("draftRevision", 1,
                "measure", newMeasure("QJY-T1", "applicant.age >= 21")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("STALE_VERSION");
        // admin2 edited it too now: neither may approve, so the draft waits for a third officer.
        assertThat(api().post("/api/policy/admin/measures/QJY-T1/draft/approve", admin2,
                Map.of("draftRevision", 2)).code()).isEqualTo("AUTHOR_CANNOT_APPROVE");
        assertThat(api().get("/api/policy/admin/measures", token("applicant1", "Applicant1pass")).status())
                .isEqualTo(403);
    }

    @Test
    @Order(7)
    void aRuleThatDoesNotCompileIsRefusedWithItsCriterion() {
        Http.Response response = api().post("/api/policy/admin/measures", token("admin1", "Policyadmin1pass"),
                Map.of("measure", newMeasure("QJY-T2", "applicant.shoeSize > 40")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("RULE_DOES_NOT_COMPILE");
        assertThat(response.json().get("criterion").asString()).isEqualTo("age");
        assertThat(response.json().get("celMessage").asString()).contains("shoeSize");
        assertThat(mongo.findById("QJY-T2", Document.class, "measures")).isNull();
    }

    @Test
    @Order(7)
    void aGrantTermThatCannotBeKeptIsRefusedFieldByFieldInTheCallersLanguage() {
        String admin1 = token("admin1", "Policyadmin1pass");
        ObjectNode perBatch = newMeasure("QJY-T4", "applicant.age >= 18");
        perBatch.set("grant", Http.tree("{\"term\": \"BATCH\", \"batch\": {\"id\": \"2027-SPRING\"}}"));

        Http.Response chinese = api().post("/api/policy/admin/measures", admin1, Map.of("measure", perBatch));
        Http.Response english = api().post("/api/policy/admin/measures", admin1, Map.of("measure", perBatch), "en");

        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.contentType()).startsWith("application/problem+json");
        assertThat(chinese.code()).isEqualTo("INVALID_MEASURE");
        assertThat(chinese.json().get("reasons").valueStream().map(JsonNode::asString))
                .containsExactly("GRANT_BATCH_NAME_REQUIRED", "GRANT_BATCH_ENDS_REQUIRED");
        assertThat(chinese.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("grant.batch.name", "grant.batch.ends");
        assertThat(chinese.json().get("errors").get(1).get("message").asString()).contains("批次的结束日期");
        assertThat(english.json().get("errors").get(1).get("message").asString()).contains("last day of the batch");
        assertThat(mongo.findById("QJY-T4", Document.class, "measures")).isNull();
    }

    @Test
    @Order(8)
    void publishingIsRefusedWhileAnExampleDisagrees() {
        String admin1 = token("admin1", "Policyadmin1pass");
        String admin2 = token("admin2", "Policyadmin2pass");
        ObjectNode measure = newMeasure("QJY-T3", "applicant.age >= 18");
        ((ObjectNode) measure.get("examples").get(1)).put("expect", "ELIGIBLE"); // the rules say a 16-year-old is not
        assertThat(api().post("/api/policy/admin/measures", admin1, Map.of("measure", measure)).status())
                .isEqualTo(201);
        assertThat(api().post("/api/policy/admin/measures/QJY-T3/draft/approve", admin2,
                Map.of("draftRevision", 1)).status()).isEqualTo(200);

        Http.Response refused = api().post("/api/policy/admin/measures/QJY-T3/publish", admin1, Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("EXAMPLES_DISAGREE");
        assertThat(refused.json().get("disagreements").get(0).get("example").asString()).isEqualTo("too young");
        assertThat(api().get("/api/policy/measures/QJY-T3", null).status()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void publishingAChangedMeasureRematchesAndAnnouncesOnlyTheChanged() {
        String becomesIneligible = UUID.randomUUID().toString();
        String unaffected = UUID.randomUUID().toString();
        kafka.send(profile(becomesIneligible, 1, jobSeeker(30)), becomesIneligible);
        kafka.send(profile(unaffected, 1, jobSeeker(40)), unaffected);
        awaitMatches(becomesIneligible, 1, Trigger.PROFILE_CHANGED);
        awaitMatches(unaffected, 1, Trigger.PROFILE_CHANGED);

        String admin1 = token("admin1", "Policyadmin1pass");
        String admin2 = token("admin2", "Policyadmin2pass");
        ObjectNode station = (ObjectNode) api().get("/api/policy/admin/measures/QJY-01/versions/1", admin1).json()
                .get("measure");
        ((ObjectNode) station.get("criteria").get(0)).put("expr", "applicant.age >= 18 && applicant.age <= 25");
        assertThat(api().post("/api/policy/admin/measures", admin1, Map.of("measure", station)).status())
                .isEqualTo(201);
        assertThat(api().post("/api/policy/admin/measures/QJY-01/draft/approve", admin2,
                Map.of("draftRevision", 1)).status()).isEqualTo(200);
        Http.Response published = api().post("/api/policy/admin/measures/QJY-01/publish", admin1, Map.of());
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("version").asInt()).isEqualTo(2);
        assertThat(published.json().get("approvedBy").asString()).isEqualTo("admin2");

        MatchesEvaluated rematched = awaitMatches(becomesIneligible, 1, Trigger.CATALOGUE_CHANGED);
        assertThat(rematched.noLongerEligible()).containsExactly("QJY-01");
        assertThat(rematched.onlyChanged()).as("the other 39 results are as last announced").isTrue();
        assertThat(rematched.results()).singleElement().satisfies(r -> {
            assertThat(r.measureCode()).isEqualTo("QJY-01");
            assertThat(r.measureVersion()).isEqualTo(2);
            assertThat(r.outcome()).isNotEqualTo(Outcome.ELIGIBLE);
        });
        await().atMost(WAIT).until(() -> kafka.events(MeasurePublished.class,
                m -> m.code().equals("QJY-01") && m.version() == 2 && m.status() == MeasurePublished.Status.ACTIVE)
                .size() == 1);

        // Everyone is re-matched and every pending event has left; then a later event of the unaffected applicant
        // (same partition) proves no CATALOGUE_CHANGED event of theirs is still on its way.
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("catalogueRevision")
                .lt(revisionOf("QJY-01")).and("erased").is(false)), "applicant_matches") == 0);
        relay.flush();
        kafka.send(profile(unaffected, 2, jobSeeker(40)), unaffected);
        awaitMatches(unaffected, 2, Trigger.PROFILE_CHANGED);
        assertThat(kafka.events(MatchesEvaluated.class, m -> m.applicantId().equals(unaffected)))
                .extracting(MatchesEvaluated::trigger)
                .containsExactly(Trigger.PROFILE_CHANGED, Trigger.PROFILE_CHANGED);
        assertThat(mongo.findById(unaffected, Document.class, "applicant_matches").getList("results", String.class))
                .filteredOn(line -> line.startsWith("QJY-01|")).singleElement().asString().startsWith("QJY-01|2|");

        JsonNode history = api().get("/api/policy/admin/measures/QJY-01/history", admin2).json();
        assertThat(history.get("versions").valueStream().map(v -> v.get("version").asInt())).containsExactly(1, 2);
        assertThat(history.get("log").valueStream().map(e -> e.get("action").asString()))
                .containsExactly("SEEDED", "DRAFT_SAVED", "APPROVED", "PUBLISHED");
    }

    @Test
    @Order(10)
    void applicantsAnInterruptedRematchOrSweepNeverReachedAreCaughtUp() {
        String missedByRematch = UUID.randomUUID().toString();
        String missedBySweep = UUID.randomUUID().toString();
        kafka.send(profile(missedByRematch, 1, jobSeeker(30)), missedByRematch);
        kafka.send(profile(missedBySweep, 1, jobSeeker(30)), missedBySweep);
        awaitMatches(missedByRematch, 1, Trigger.PROFILE_CHANGED);
        awaitMatches(missedBySweep, 1, Trigger.PROFILE_CHANGED);

        // As a crash would leave them: results from before the QJY-01 change (still ELIGIBLE), evaluated against an
        // older catalogue revision, or yesterday.
        eligibleForStationAsBefore(missedByRematch, new Update().set("catalogueRevision", 0L));
        eligibleForStationAsBefore(missedBySweep, new Update().set("asOf",
                Date.from(LocalDate.now(DISTRICT).minusDays(1).atStartOfDay(DISTRICT).toInstant())));

        assertThat(awaitMatches(missedByRematch, 1, Trigger.CATALOGUE_CHANGED).noLongerEligible())
                .containsExactly("QJY-01");
        assertThat(awaitMatches(missedBySweep, 1, Trigger.DAILY_SWEEP).noLongerEligible()).containsExactly("QJY-01");
    }

    @Test
    @Order(12)
    void theEditorsCheckSavesNothingAndTheImpactPreviewIsWhatTheRematchAfterPublishingDoes() {
        for (int age : new int[] {20, 27, 31, 34, 40}) {
            String applicant = UUID.randomUUID().toString();
            kafka.send(profile(applicant, 1, jobSeeker(age)), applicant);
            awaitMatches(applicant, 1, Trigger.PROFILE_CHANGED);
        }
        String admin1 = token("admin1", "Policyadmin1pass");
        String admin2 = token("admin2", "Policyadmin2pass");
        ObjectNode sports = (ObjectNode) api().get("/api/policy/admin/measures/QJY-36/versions/1", admin1).json()
                .get("measure");

        ((ObjectNode) sports.get("criteria").get(0)).put("expr", "applicant.age >= 18 && applicant.age <=");
        JsonNode broken = api().post("/api/policy/admin/measures/check", admin1, Map.of("measure", sports)).json();
        assertThat(broken.get("savable").asBoolean()).isFalse();
        assertThat(broken.get("rules").get(0).get("criterion").asString()).isEqualTo("age");
        assertThat(broken.get("rules").get(0).get("celMessage").asString()).contains("mismatched input");
        assertThat(mongo.findById("QJY-36", Document.class, "measures").get("draft")).isNull();

        ((ObjectNode) sports.get("criteria").get(0)).put("expr", "applicant.age >= 18 && applicant.age <= 30");
        JsonNode fixed = api().post("/api/policy/admin/measures/check", admin1, Map.of("measure", sports)).json();
        assertThat(fixed.get("savable").asBoolean()).isTrue();
        assertThat(fixed.get("examplesAgree").asBoolean()).isTrue();
        assertThat(fixed.get("examples").valueStream().map(e -> e.get("outcome").asString()))
                .containsExactly("ELIGIBLE", "INELIGIBLE");
        assertThat(api().post("/api/policy/admin/measures", admin1, Map.of("measure", sports)).status())
                .isEqualTo(201);

        JsonNode[] preview = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            preview[0] = api().get("/api/policy/admin/measures/QJY-36/draft/impact", admin1).json();
            return preview[0].get("state").asString().equals("READY");
        });
        JsonNode impact = preview[0].get("impact");
        long loses = impact.get("loseEligibility").asLong();
        assertThat(loses).isGreaterThanOrEqualTo(2);
        assertThat(impact.get("becomeEligible").asLong()).isZero();
        assertThat(impact.get("examples").valueStream().map(e -> e.get("change").asString()))
                .contains("LOSES_ELIGIBILITY");
        assertThat(impact.get("examples").toString()).doesNotContain("applicantId").doesNotContain("birth");
        long eligibleAfter = impact.get("outcomes").valueStream()
                .filter(o -> o.get("outcome").asString().equals("ELIGIBLE")).findFirst().orElseThrow()
                .get("after").asLong();
        // The second officer is shown the same, finished preview.
        assertThat(api().get("/api/policy/admin/measures/QJY-36/draft/impact", admin2).json().get("impact")
                .get("computedAt")).isEqualTo(impact.get("computedAt"));

        assertThat(api().post("/api/policy/admin/measures/QJY-36/draft/approve", admin2,
                Map.of("draftRevision", 1)).status()).isEqualTo(200);
        assertThat(api().post("/api/policy/admin/measures/QJY-36/publish", admin2, Map.of()).status())
                .isEqualTo(200);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode progress = api().get("/api/policy/admin/rematch", admin1).json();
            assertThat(progress.get("catalogueRevision").asLong()).isEqualTo(revisionOf("QJY-36"));
            assertThat(progress.get("behind").asLong()).isZero();
            assertThat(progress.get("upToDate").asLong()).isEqualTo(progress.get("applicants").asLong());
        });
        relay.flush();
        // Events are delivered at least once: applicants are counted, not deliveries.
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.events(MatchesEvaluated.class,
                m -> m.trigger() == Trigger.CATALOGUE_CHANGED && m.noLongerEligible().contains("QJY-36")).stream()
                .map(MatchesEvaluated::applicantId).distinct()).hasSize((int) loses));
        // A re-match event carries only the results that changed: those of earlier publishes do not name QJY-36.
        assertThat(kafka.events(MatchesEvaluated.class, m -> m.trigger() == Trigger.CATALOGUE_CHANGED
                && m.results().stream().anyMatch(r -> r.measureCode().equals("QJY-36") && r.measureVersion() == 2))
                .stream().map(MatchesEvaluated::applicantId).distinct())
                .hasSize((int) impact.get("changed").asLong());
        assertThat(api().get("/api/policy/measures/QJY-36/eligible", token("hr1", "Hrofficer1pass")).json()
                .get("total").asLong()).isEqualTo(eligibleAfter);
    }

    /** Last: it moves the service's clock a month ahead. */
    @Test
    @Order(100)
    void aResidentReachingThreeMonthsOfInsuranceBecomesEligibleAtTheSweepAndIsToldOnce() {
        String applicant = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(clock);
        kafka.send(profile(applicant, 1, insuredRenter(today.minusMonths(3).plusDays(5))), applicant);

        MatchResult before = result(awaitMatches(applicant, 1, Trigger.PROFILE_CHANGED), "QJY-17");
        assertThat(before.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(before.nearMiss()).isTrue();
        // Matching works out only that waiting helps; the day itself is told where the resident reads the results.
        assertThat(before.eligibleFrom()).isNull();

        clock.shift(Duration.ofDays(31));

        MatchesEvaluated sweep = awaitMatches(applicant, 1, Trigger.DAILY_SWEEP);
        assertThat(sweep.asOf()).isAfter(today.plusDays(6));
        assertThat(sweep.newlyEligible()).contains("QJY-17");
        assertThat(result(sweep, "QJY-17").outcome()).isEqualTo(Outcome.ELIGIBLE);
        // Further catch-up runs on the same day find nobody behind: the resident is told once.
        await().pollDelay(Duration.ofSeconds(5)).atMost(WAIT)
                .untilAsserted(() -> assertThat(matches(applicant, 1, Trigger.DAILY_SWEEP)).hasSize(1));
    }

    private static MatchResult result(MatchesEvaluated matches, String measure) {
        return matches.results().stream().filter(r -> r.measureCode().equals(measure)).findFirst().orElseThrow();
    }

    private void eligibleForStationAsBefore(String applicant, Update update) {
        Document stored = mongo.findById(applicant, Document.class, "applicant_matches");
        List<String> results = stored.getList("results", String.class).stream()
                .map(line -> line.startsWith("QJY-01|")
                        ? "QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED,first-job-search:PASSED||" : line)
                .toList();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(applicant)),
                update.set("results", results).set("eligible", List.of("QJY-01")), "applicant_matches");
    }

    @Test
    @Order(11)
    void theOpenApiDescriptionDocumentsTheApiWithExamples() {
        Http.Response docs = api().get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/policy/measures",
                "/api/policy/measures/{code}", "/api/policy/evaluate", "/api/policy/me/results",
                "/api/policy/measures/{code}/eligible", "/api/policy/admin/measures/{code}/publish",
                "/api/policy/vocabulary", "/api/policy/admin/measures/check",
                "/api/policy/admin/measures/{code}/draft/impact", "/api/policy/admin/rematch");
        assertThat(docs.body()).contains("JOB_SEEKING", "QJY-99");
    }

    @Test
    @Order(12)
    void anErasedApplicantLosesTheirResultsForGood() {
        String token = token("applicant1", "Applicant1pass");
        String applicant = Http.subject(token);
        kafka.send(new ApplicantErased(applicant, Instant.now()), applicant);
        await().atMost(WAIT).until(() -> api().get("/api/policy/me/results", token).status() == 404);

        kafka.send(profile(applicant, 1, jobSeeker(24)), applicant); // a late redelivery of an older profile
        String shredded = UUID.randomUUID().toString();
        ApplicantProfileChanged orphan = profile(shredded, 1, jobSeeker(24));
        KEYS.remove(shredded); // erased at talent-service before this service saw its profile
        kafka.send(orphan, shredded);
        String sentinel = UUID.randomUUID().toString();
        kafka.send(profile(sentinel, 1, jobSeeker(24)), sentinel);
        awaitMatches(sentinel, 1, Trigger.PROFILE_CHANGED);
        Document tombstone = mongo.findById(applicant, Document.class, "applicant_matches");
        assertThat(tombstone.getBoolean("erased")).isTrue();
        assertThat(tombstone).doesNotContainKeys("facts", "results");
        assertThat(mongo.findById(shredded, Document.class, "applicant_matches"))
                .as("a profile whose key is gone is skipped as erased").isNull();
        assertThat(kafka.records()).as("and not parked on the dead-letter topic")
                .noneMatch(record -> record.topic().endsWith("-dlt") && shredded.equals(record.key()));
    }

    @Test
    @Order(13)
    void retiringAMeasureStopsItsMatches() {
        String admin1 = token("admin1", "Policyadmin1pass");
        Http.Response retired = api().post("/api/policy/admin/measures/QJY-02/retire", admin1, Map.of());
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
        await().atMost(WAIT).until(() -> !kafka.events(MeasurePublished.class,
                m -> m.code().equals("QJY-02") && m.status() == MeasurePublished.Status.RETIRED).isEmpty());
        assertThat(api().get("/api/policy/measures/QJY-02", null).status()).isEqualTo(404);
        assertThat(api().get("/api/policy/measures", null).json().get("count").asInt()).isEqualTo(39);

        String applicant = UUID.randomUUID().toString();
        kafka.send(profile(applicant, 1, jobSeeker(24)), applicant);
        assertThat(awaitMatches(applicant, 1, Trigger.PROFILE_CHANGED).results())
                .hasSize(39).noneMatch(r -> r.measureCode().equals("QJY-02"));
    }

    @Test
    @Order(14)
    void theVocabularyIsPublicCacheableAndInTheAskedLanguage() {
        Http.Response chinese = api().get("/api/policy/vocabulary", null);

        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.header("Cache-Control")).isEqualTo("max-age=300, public");
        assertThat(chinese.header("Vary")).contains("Accept-Language");
        JsonNode age = fact(chinese.json(), "age");
        assertThat(age.get("label").asString()).isEqualTo("年龄");
        assertThat(age.get("unit").asString()).isEqualTo("岁");
        JsonNode degree = fact(chinese.json(), "degree");
        assertThat(degree.get("type").asString()).isEqualTo("ENUM");
        assertThat(degree.get("unit").isNull()).isTrue();
        assertThat(degree.get("values").valueStream().map(value -> value.get("label").asString()))
                .contains("无", "本科");
        assertThat(chinese.json().get("units").valueStream().map(unit -> unit.get("unit").asString()))
                .contains("CNY", "CNY_PER_MONTH", "NIGHT");

        assertThat(fact(api().get("/api/policy/vocabulary", null, "en").json(), "degree").get("label").asString())
                .isEqualTo("Highest degree held");
        assertThat(fact(api().get("/api/policy/vocabulary?lang=zh", null, "en").json(), "degree").get("label")
                .asString()).isEqualTo("已取得的最高学历");
    }

    @Test
    @Order(15)
    void aDraftThatDropsOneHalfOfAnExclusionCannotBeApproved() {
        String admin1 = token("admin1", "Policyadmin1pass");
        String admin2 = token("admin2", "Policyadmin2pass");
        ObjectNode rent = (ObjectNode) api().get("/api/policy/admin/measures/QJY-17/versions/1", admin1).json()
                .get("measure");
        rent.putArray("excludes");
        Http.Response drafted = api().post("/api/policy/admin/measures", admin1, Map.of("measure", rent));
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.json().get("oneSidedExclusions").get(0).get("measure").asString()).isEqualTo("QJY-16");

        Http.Response refused = api().post("/api/policy/admin/measures/QJY-17/draft/approve", admin2,
                Map.of("draftRevision", 1));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("EXCLUSION_ONE_SIDED");
        assertThat(refused.json().get("detail").asString()).contains("QJY-16 → QJY-17", "不可兼得");
        assertThat(refused.json().get("oneSidedExclusions").get(0).get("excluded").asString()).isEqualTo("QJY-17");
        assertThat(api().get("/api/policy/admin/measures/QJY-17/draft", admin1).json().get("approved").asBoolean())
                .isFalse();
    }

    private static JsonNode fact(JsonNode vocabulary, String name) {
        return vocabulary.get("facts").valueStream().filter(fact -> fact.get("name").asString().equals(name))
                .findFirst().orElseThrow();
    }

    private long revisionOf(String code) {
        return mongo.findById(code, Document.class, "measures").getLong("revision");
    }

    private MatchesEvaluated awaitMatches(String applicant, long profileVersion, Trigger trigger) {
        await().atMost(WAIT).until(() -> !matches(applicant, profileVersion, trigger).isEmpty());
        return matches(applicant, profileVersion, trigger).get(0);
    }

    private static List<MatchesEvaluated> matches(String applicant, long profileVersion, Trigger trigger) {
        return kafka.events(MatchesEvaluated.class, m -> m.applicantId().equals(applicant)
                && m.profileVersion() == profileVersion && m.trigger() == trigger)
                .stream().map(sealed -> sealed.openValues(KEYS.get(applicant))).toList();
    }

    private Http api() {
        return new Http(port);
    }

    private static String token(String user, String password) {
        return TestInfrastructure.keycloak().tokens().password(user, password);
    }

    private static ApplicantProfileChanged profile(String applicant, long version, ApplicantFacts facts) {
        return ApplicantProfileChanged.sealing(applicant, version, Instant.now(), facts, List.of(),
                KEYS.computeIfAbsent(applicant, id -> EventKey.generate()));
    }

    /** A graduate from another province, in Qujiang for the first time and looking for work. */
    private static ApplicantFacts jobSeeker(int age) {
        LocalDate today = LocalDate.now(DISTRICT);
        return new ApplicantFacts(today.minusYears(age).minusDays(10), ApplicantFacts.Gender.FEMALE,
                Degree.BACHELOR, today.minusMonths(8), null, false, Hukou.OUT_OF_PROVINCE, true, true,
                EmploymentStatus.JOB_SEEKING, null, null, null, null, null, null, false, null, null, false, true,
                ApplicantFacts.SkillLevel.NONE, ApplicantFacts.TalentTier.NONE, false, List.of(), false);
    }

    /** Works in Qujiang, rents there, insured there since {@code insuredSince}: QJY-17 waits for three months. */
    private static ApplicantFacts insuredRenter(LocalDate insuredSince) {
        LocalDate today = LocalDate.now(DISTRICT);
        return new ApplicantFacts(today.minusYears(27), ApplicantFacts.Gender.MALE, Degree.BACHELOR,
                today.minusYears(4), null, false, Hukou.OUT_OF_PROVINCE, true, false, EmploymentStatus.EMPLOYED, true,
                Industry.DIGITAL_ECONOMY, insuredSince, 0, insuredSince, insuredSince.plusYears(3), false, null, null,
                false, true, ApplicantFacts.SkillLevel.NONE, ApplicantFacts.TalentTier.NONE, false, List.of(), false);
    }

    private static ObjectNode newMeasure(String code, String ageRule) {
        return (ObjectNode) Http.tree("""
                {"code": "%s", "title": {"zh": "测试政策", "en": "Test measure"},
                 "summary": {"zh": "测试", "en": "Test"}, "category": "GROWTH",
                 "department": {"zh": "团区委", "en": "District Youth League Committee"}, "mode": "APPLY",
                 "window": {"opens": "2024-01-01", "closes": null}, "responseWorkingDays": 5,
                 "benefit": {"kind": "ONE_OFF_CASH", "unit": "CNY", "amount": "500"},
                 "criteria": [{"id": "age", "expr": "%s", "label": {"zh": "年龄", "en": "Age"},
                               "hint": {"zh": "年龄不符", "en": "Wrong age"}}],
                 "examples": [{"name": "adult", "applicant": {"age": 30}, "expect": "ELIGIBLE", "amount": 500},
                              {"name": "too young", "applicant": {"age": 16}, "expect": "INELIGIBLE"}]}
                """.formatted(code, ageRule));
    }
}
