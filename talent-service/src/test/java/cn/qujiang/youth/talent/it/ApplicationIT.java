package cn.qujiang.youth.talent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished.Mode;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.ShiftableClock;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

class ApplicationIT extends TalentIntegrationTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String ID_A = idNumber("33080320000315123");
    static final String ID_B = idNumber("33080319980707004");

    static final MeasurePublished OPEN = measure("IT-OPEN", 1, Mode.APPLY, LocalDate.of(2024, 1, 1), null, null,
            List.of(), 3);
    static final MeasurePublished CLOSED = measure("IT-CLOSED", 1, Mode.APPLY, LocalDate.of(2024, 1, 1),
            TODAY.minusDays(1), null, List.of(), 5);
    static final MeasurePublished RENT = measure("IT-RENT", 1, Mode.APPLY, LocalDate.of(2024, 1, 1), null, null,
            List.of("IT-BUY"), 5);
    static final MeasurePublished BUY = measure("IT-BUY", 1, Mode.APPLY, LocalDate.of(2024, 1, 1), null, null,
            List.of(), 5);
    static final MeasurePublished SCARCE = measure("IT-SCARCE", 1, Mode.APPLY, LocalDate.of(2024, 1, 1), null, 1,
            List.of(), 15);
    static final MeasurePublished AUTO = measure("IT-AUTO", 1, Mode.AUTO_GRANT, LocalDate.of(2024, 1, 1), null, null,
            List.of(), 1);

    private final MeterRegistry meters;
    private final ShiftableClock clock;

    String a;
    String b;

    ApplicationIT(@LocalServerPort int port, MongoTemplate mongo, KafkaTemplate<String, String> kafka,
            OutboxRelay relay, MeterRegistry meters, ShiftableClock clock) {
        super(port, mongo, kafka, relay);
        this.meters = meters;
        this.clock = clock;
    }

    @BeforeEach
    void applicantsAndCatalogue() {
        ensureCatalogue(OPEN, CLOSED, RENT, BUY, SCARCE, AUTO);
        a = subject(User.APPLICANT1);
        b = subject(User.APPLICANT2);
        createProfile(User.APPLICANT1, "张三", ID_A, "13812345678", "zhang@example.com");
        createProfile(User.APPLICANT2, "李四", ID_B, "13700001111", null);
    }

    static Predicate<ConsumerRecord<String, String>> ofType(EventType type) {
        return record -> type.typeId().equals(TopicProbe.header(record, CloudEventHeaders.TYPE));
    }

    @Test
    void anEligibleApplicantAppliesOnceWithADueDateInWorkingDays() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        try (TopicProbe applications = probe(Topics.TALENT_APPLICATION)) {
            Http.Response created = apply(User.APPLICANT1, "IT-OPEN");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode body = created.json();
            assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(body.get("timeline").get(0).get("to").asString()).isEqualTo("SUBMITTED");
            LocalDate due = LocalDate.parse(body.get("dueDate").asString());
            assertThat(due).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusDays(3 + 2 + 9)); // 3 working days
            String id = body.get("id").asString();
            ConsumerRecord<String, String> event = applications.awaitCount(ofType(EventType.APPLICATION_SUBMITTED)
                    .and(record -> record.value().contains(id)), 1).get(0);
            ApplicationSubmitted submitted = EventJson.read(event.value(), ApplicationSubmitted.class);
            assertThat(submitted.applicantId()).isEqualTo(a);
            assertThat(submitted.dueDate()).isEqualTo(due);
            assertThat(event.key()).isEqualTo(a);
        }
        Http.Response again = apply(User.APPLICANT1, "IT-OPEN");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("APPLICATION_REFUSED");
        assertThat(reasons(again)).containsExactly("ALREADY_OPEN");
    }

    @Test
    void refusalsListEveryReason() {
        eligible(User.APPLICANT1, List.of(), "IT-CLOSED");
        assertThat(reasons(apply(User.APPLICANT1, "IT-CLOSED"))).containsExactly("WINDOW_CLOSED");
        assertThat(reasons(apply(User.APPLICANT1, "IT-NO"))).containsExactly("MEASURE_UNKNOWN", "NOT_ELIGIBLE");
        assertThat(reasons(apply(User.APPLICANT1, "IT-OPEN"))).containsExactly("NOT_ELIGIBLE");
        assertThat(reasons(apply(User.APPLICANT1, "IT-AUTO"))).contains("AUTO_GRANT_ONLY");
        // the profile changed after the evaluation: wait for the new one
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        Map<String, Object> change = profile("张三", ID_A, "13812345678", "zhang@example.com");
        change.put("version", profileVersion(User.APPLICANT1));
        assertThat(http.put("/api/talent/me/profile", change).token(token(User.APPLICANT1)).send().status()).isEqualTo(200);
        assertThat(reasons(apply(User.APPLICANT1, "IT-OPEN"))).containsExactly("MATCH_PENDING");
        assertThat(mongo.getCollection("applications").countDocuments()).isZero();
    }

    @Test
    void clientsCannotSetTheStatusOrOwnerOfAnApplication() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        Http.Response refused = http.post("/api/talent/me/applications",
                Map.of("measureCode", "IT-OPEN", "status", "APPROVED")).token(token(User.APPLICANT1)).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(http.post("/api/talent/me/applications", Map.of("measureCode", "IT-OPEN", "applicantId", b))
                .token(token(User.APPLICANT1)).send().status()).isEqualTo(400);
        assertThat(mongo.getCollection("applications").countDocuments()).isZero();
    }

    @Test
    void anApplicantNeverReachesAnotherApplicantsApplicationOrTheReviewApi() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        String id = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        assertThat(http.get("/api/talent/me/applications/" + id).token(token(User.APPLICANT2)).send().status())
                .isEqualTo(404);
        assertThat(http.post("/api/talent/me/applications/" + id + "/withdraw", null).token(token(User.APPLICANT2))
                .send().status()).isEqualTo(404);
        assertThat(http.get("/api/talent/me/applications").token(token(User.APPLICANT2)).send().json()).isEmpty();
        assertThat(http.get("/api/talent/review/applications/" + id).token(token(User.APPLICANT1)).send().status())
                .isEqualTo(403);
        assertThat(decide(User.APPLICANT1, id, 1, "APPROVE", "CRITERIA_MET").status()).isEqualTo(403);
        assertThat(http.get("/api/talent/me/applications/" + id).token(token(User.APPLICANT1)).send().json()
                .get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void twoOfficersDecidingAtOnceExactlyOneWins() throws Exception {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        String id = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        token(User.HR1);
        token(User.HR2);
        try (TopicProbe applications = probe(Topics.TALENT_APPLICATION)) {
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Http.Response> approve = CompletableFuture.supplyAsync(() -> {
                waitFor(start);
                return decide(User.HR1, id, 1, "APPROVE", "CRITERIA_MET");
            });
            CompletableFuture<Http.Response> reject = CompletableFuture.supplyAsync(() -> {
                waitFor(start);
                return decide(User.HR2, id, 1, "REJECT", "CRITERIA_NOT_MET");
            });
            start.countDown();
            List<Http.Response> responses = List.of(approve.get(), reject.get());
            assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
            Http.Response winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            Http.Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.json().get("code").asString()).isIn("STALE_VERSION", "TRANSITION_NOT_ALLOWED");
            String status = winner.json().get("status").asString();
            JsonNode stored = http.get("/api/talent/me/applications/" + id).token(token(User.APPLICANT1)).send().json();
            assertThat(stored.get("status").asString()).isEqualTo(status);
            assertThat(stored.get("timeline")).hasSize(2);
            List<ConsumerRecord<String, String>> decided = applications.awaitExactly(
                    ofType(EventType.APPLICATION_DECIDED).and(record -> record.value().contains(id)), 1,
                    Duration.ofSeconds(3));
            assertThat(EventJson.read(decided.get(0).value(), ApplicationDecided.class).decision().name())
                    .isEqualTo(status.equals("APPROVED") ? "APPROVED" : "REJECTED");
        }
    }

    @Test
    void officersSeeMaskedPersonalDataAndTheEligibilityTrace() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        String id = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        Http.Response detail = http.get("/api/talent/review/applications/" + id).token(token(User.HR1)).send();
        assertThat(detail.status()).isEqualTo(200);
        JsonNode applicant = detail.json().get("applicant");
        assertThat(applicant.get("name").asString()).isEqualTo("张*");
        assertThat(applicant.get("idNumber").asString()).isEqualTo("3308**********" + ID_A.substring(14));
        assertThat(applicant.get("phone").asString()).isEqualTo("138****5678");
        assertThat(applicant.get("email").asString()).isEqualTo("z***@example.com");
        assertThat(detail.body()).doesNotContain(ID_A, "13812345678", "zhang@example.com", "张三");
        assertThat(detail.json().get("eligibilityAtSubmission").get("result").get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(detail.json().get("eligibilityNow").get("current").asBoolean()).isTrue();

        QueueCheck queue = new QueueCheck(http.get("/api/talent/review/applications?measure=IT-OPEN")
                .token(token(User.HR1)).send().json());
        assertThat(queue.ids()).containsExactly(id);
        assertThat(queue.page().get("items").get(0).get("applicantName").asString()).isEqualTo("张*");
    }

    @Test
    void anOfficerTakesAnApplicationSoThatAColleagueCannotDecideItMeanwhile() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        String id = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();

        Http.Response taken = http.post("/api/talent/review/applications/" + id + "/claim", Map.of())
                .token(token(User.HR1)).send();
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("claim").get("byName").asString()).isEqualTo("hr1");
        assertThat(taken.json().get("claim").get("mine").asBoolean()).isTrue();
        JsonNode queued = http.get("/api/talent/review/applications?measure=IT-OPEN").token(token(User.HR2)).send()
                .json().get("items").get(0);
        assertThat(queued.get("claimedBy").asString()).isEqualTo("hr1");

        Http.Response colleague = decide(User.HR2, id, 1, "APPROVE", "CRITERIA_MET");
        assertThat(colleague.status()).isEqualTo(409);
        assertThat(colleague.json().get("code").asString()).isEqualTo("CLAIMED_BY_OTHER");
        assertThat(colleague.json().get("detail").asString()).contains("hr1");
        assertThat(http.post("/api/talent/review/applications/" + id + "/claim", Map.of()).token(token(User.HR2))
                .send().status()).isEqualTo(409);

        assertThat(http.delete("/api/talent/review/applications/" + id + "/claim").token(token(User.HR1)).send()
                .json().has("claim")).as("released").isFalse();
        assertThat(decide(User.HR2, id, 1, "APPROVE", "CRITERIA_MET").status()).isEqualTo(200);
    }

    @Test
    void anOfficersWorkOnAnApplicationRestartsTheIdleTimeOfTheirClaim() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        String id = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        assertThat(http.post("/api/talent/review/applications/" + id + "/claim", Map.of()).token(token(User.HR1))
                .send().status()).isEqualTo(200);
        try {
            clock.shift(Duration.ofHours(5));
            assertThat(decide(User.HR1, id, 99, "APPROVE", "CRITERIA_MET").status()).as("a stale attempt")
                    .isEqualTo(409);
            clock.shift(Duration.ofHours(5));
            assertThat(http.post("/api/talent/review/applications/" + id + "/identity", Map.of())
                    .token(token(User.HR1)).send().status()).isEqualTo(200);
            clock.shift(Duration.ofHours(5));

            Http.Response colleague = http.post("/api/talent/review/applications/" + id + "/claim", Map.of())
                    .token(token(User.HR2)).send();
            assertThat(colleague.status()).as("15 hours since the claim, 5 since hr1 last worked on it").isEqualTo(409);
            assertThat(colleague.json().get("detail").asString()).contains("hr1");

            clock.shift(Duration.ofHours(4));
            assertThat(http.post("/api/talent/review/applications/" + id + "/claim", Map.of()).token(token(User.HR2))
                    .send().status()).as("idle for 9 hours: lapsed").isEqualTo(200);
        } finally {
            clock.setTo(Instant.now());
        }
    }

    @Test
    void aDecisionTakesAReasonListedForItsKindWithTheWordsTheApplicantReads() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        String id = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        JsonNode reasons = http.get("/api/talent/review/decision-reasons").token(token(User.HR1)).send().json();
        JsonNode missing = java.util.stream.StreamSupport.stream(reasons.spliterator(), false)
                .filter(reason -> reason.get("code").asString().equals("DOCUMENTS_MISSING")).findFirst().orElseThrow();
        assertThat(missing.get("decision").asString()).isEqualTo("REQUEST_INFO");
        assertThat(missing.get("zh").asString()).isEqualTo("材料不全");
        assertThat(missing.get("en").asString()).isEqualTo("Documents missing");

        Http.Response wrong = decide(User.HR1, id, 1, "APPROVE", "DOCUMENTS_MISSING");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("code").asString()).isEqualTo("REASON_NOT_FOR_DECISION");
        assertThat(decide(User.HR1, id, 1, "REQUEST_INFO", "DOCUMENTS_MISSING").status()).isEqualTo(200);
    }

    @Test
    void theQueueCountsEachStatusAndKeepsWhatIsDueWithinSomeWorkingDays() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        eligible(User.APPLICANT2, List.of(), "IT-OPEN");
        String late = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        String later = apply(User.APPLICANT2, "IT-OPEN").json().get("id").asString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(late)), Update.update("dueDate", TODAY.minusDays(3)),
                "applications");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(later)), Update.update("dueDate", TODAY.plusDays(40)),
                "applications");

        JsonNode page = http.get("/api/talent/review/applications?measure=IT-OPEN&dueWithin=5").token(token(User.HR1))
                .send().json();
        assertThat(new QueueCheck(page).ids()).containsExactly(late);
        assertThat(page.get("items").get(0).get("workingDaysLeft").asInt()).isNegative();
        assertThat(page.get("overdue").asLong()).isEqualTo(1);
        assertThat(page.get("counts").get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(page.get("counts").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(new QueueCheck(http.get("/api/talent/review/applications?measure=IT-OPEN&sort=-dueDate")
                .token(token(User.HR1)).send().json()).ids()).containsExactly(later, late);
        JsonNode applicant = http.get("/api/talent/review/applications/" + late).token(token(User.HR1)).send().json()
                .get("applicant");
        assertThat(applicant.get("age").asInt()).isPositive();
        assertThat(applicant.toString()).doesNotContain("birthDate");
    }

    @Test
    void overdueApplicationsAreFlaggedFilteredAndCounted() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        eligible(User.APPLICANT2, List.of(), "IT-OPEN");
        String late = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        String onTime = apply(User.APPLICANT2, "IT-OPEN").json().get("id").asString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(late)), Update.update("dueDate", TODAY.minusDays(3)),
                "applications");
        JsonNode all = http.get("/api/talent/review/applications").token(token(User.HR1)).send().json();
        assertThat(new QueueCheck(all).ids()).containsExactly(late, onTime);
        assertThat(all.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(all.get("items").get(1).get("overdue").asBoolean()).isFalse();
        assertThat(new QueueCheck(http.get("/api/talent/review/applications?overdue=true").token(token(User.HR1))
                .send().json()).ids()).containsExactly(late);
        assertThat(new QueueCheck(http.get("/api/talent/review/applications?overdue=false").token(token(User.HR1))
                .send().json()).ids()).containsExactly(onTime);
        assertThat(http.get("/api/talent/review/applications?size=500").token(token(User.HR1)).send().status())
                .isEqualTo(400);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                meters.get("talent.applications.overdue").gauge().value() == 1.0);
    }

    @Test
    void anApprovalUpdatesTheHeldMeasuresSoExclusionsApply() {
        eligible(User.APPLICANT1, List.of(), "IT-RENT");
        String id = apply(User.APPLICANT1, "IT-RENT").json().get("id").asString();
        long before = profileVersion(User.APPLICANT1);
        try (TopicProbe applicants = probe(Topics.TALENT_APPLICANT)) {
            assertThat(decide(User.HR1, id, 1, "APPROVE", "CRITERIA_MET").status()).isEqualTo(200);
            ConsumerRecord<String, String> changed = applicants.awaitCount(ofType(EventType.APPLICANT_PROFILE_CHANGED)
                    .and(record -> a.equals(record.key())), 1).get(0);
            ApplicantProfileChanged event = EventJson.read(changed.value(), ApplicantProfileChanged.class);
            assertThat(event.heldMeasures()).containsExactly("IT-RENT");
            assertThat(event.profileVersion()).isEqualTo(before + 1);
        }
        assertThat(profileVersion(User.APPLICANT1)).isEqualTo(before + 1);
        assertThat(mongo.exists(Query.query(Criteria.where("profileSyncPending").is(true)), "applications")).isFalse();
        eligible(User.APPLICANT1, List.of(), "IT-BUY", "IT-RENT");
        assertThat(reasons(apply(User.APPLICANT1, "IT-BUY"))).containsExactly("EXCLUDED_BY_HELD");
        assertThat(reasons(apply(User.APPLICANT1, "IT-RENT"))).containsExactly("ALREADY_HELD");
        JsonNode timeline = http.get("/api/talent/me/applications/" + id).token(token(User.APPLICANT1)).send().json()
                .get("timeline");
        assertThat(timeline.get(1).get("to").asString()).isEqualTo("APPROVED");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("OFFICER");
        assertThat(timeline.get(1).has("by")).as("officers stay anonymous to applicants").isFalse();
        JsonNode review = http.get("/api/talent/review/applications/" + id).token(token(User.HR1)).send().json();
        assertThat(review.get("transitions").get(1).get("by").asString()).isEqualTo(subject(User.HR1));
        assertThat(review.get("transitions").get(1).get("reasonCode").asString()).isEqualTo("CRITERIA_MET");
        assertThat(review.get("transitions").get(1).get("comment").asString()).isEqualTo("已核对");
    }

    @Test
    void twoOfficersApprovingMeasuresThatCannotBeCombinedAtOnceApproveOnlyOne() throws Exception {
        eligible(User.APPLICANT1, List.of(), "IT-RENT", "IT-BUY");
        Map<String, String> codeOf = Map.of(apply(User.APPLICANT1, "IT-RENT").json().get("id").asString(), "IT-RENT",
                apply(User.APPLICANT1, "IT-BUY").json().get("id").asString(), "IT-BUY");
        List<String> ids = List.copyOf(codeOf.keySet());
        token(User.HR1);
        token(User.HR2);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> {
            waitFor(start);
            return decide(User.HR1, ids.get(0), 1, "APPROVE", "CRITERIA_MET");
        });
        CompletableFuture<Http.Response> second = CompletableFuture.supplyAsync(() -> {
            waitFor(start);
            return decide(User.HR2, ids.get(1), 1, "APPROVE", "CRITERIA_MET");
        });
        start.countDown();

        List<Http.Response> responses = List.of(first.get(), second.get());
        assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        int loser = responses.get(0).status() == 409 ? 0 : 1;
        String approved = codeOf.get(ids.get(1 - loser));
        String refused = codeOf.get(ids.get(loser));
        JsonNode problem = responses.get(loser).json();
        assertThat(problem.get("code").asString()).isEqualTo("APPROVAL_EXCLUDED");
        assertThat(problem.get("measureCode").asString()).isEqualTo(refused);
        assertThat(problem.get("excludedBy")).extracting(JsonNode::asString).containsExactly(approved);
        assertThat(problem.get("detail").asString()).contains("“政策" + refused + "”", "“政策" + approved + "”");
        JsonNode untouched = http.get("/api/talent/review/applications/" + ids.get(loser)).token(token(User.HR1))
                .send().json();
        assertThat(untouched.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(untouched.get("version").asLong()).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("applicantId").is(a).and("status").is("APPROVED")),
                "applications")).isEqualTo(1);
    }

    @Test
    void anApprovalIsRefusedInWordsWhileAnExcludingMeasureIsHeldOrTheLatestMatchIsNotEligible() {
        eligible(User.APPLICANT1, List.of(), "IT-RENT", "IT-BUY", "IT-OPEN");
        String rent = apply(User.APPLICANT1, "IT-RENT").json().get("id").asString();
        String buy = apply(User.APPLICANT1, "IT-BUY").json().get("id").asString();
        String open = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        assertThat(decide(User.HR1, buy, 1, "APPROVE", "CRITERIA_MET").status()).isEqualTo(200);

        Http.Response excluded = http.post("/api/talent/review/applications/" + rent + "/decision",
                Map.of("version", 1, "decision", "APPROVE", "reasonCode", "CRITERIA_MET"))
                .header("Accept-Language", "en").token(token(User.HR1)).send();
        assertThat(excluded.status()).isEqualTo(409);
        assertThat(excluded.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(excluded.json().get("code").asString()).isEqualTo("APPROVAL_EXCLUDED");
        assertThat(excluded.json().get("detail").asString()).contains("\"Measure IT-RENT\"", "\"Measure IT-BUY\"");

        deliverMatches(matches(a, profileVersion(User.APPLICANT1), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of(), result("IT-OPEN", Outcome.INELIGIBLE)));
        Http.Response notEligible = decide(User.HR1, open, 1, "APPROVE", "CRITERIA_MET");
        assertThat(notEligible.status()).isEqualTo(409);
        assertThat(notEligible.json().get("code").asString()).isEqualTo("APPROVAL_NOT_ELIGIBLE");
        assertThat(notEligible.json().get("outcome").asString()).isEqualTo("INELIGIBLE");
        assertThat(notEligible.json().get("detail").asString()).contains("“政策IT-OPEN”");
        assertThat(decide(User.HR1, open, 1, "REJECT", "CRITERIA_NOT_MET").status())
                .as("the refusal changed nothing").isEqualTo(200);
        assertThat(mongo.count(Query.query(Criteria.where("applicantId").is(a).and("status").is("APPROVED")),
                "applications")).isEqualTo(1);
    }

    @Test
    void theQuotaIsNeverExceeded() {
        eligible(User.APPLICANT1, List.of(), "IT-SCARCE");
        eligible(User.APPLICANT2, List.of(), "IT-SCARCE");
        String first = apply(User.APPLICANT1, "IT-SCARCE").json().get("id").asString();
        String second = apply(User.APPLICANT2, "IT-SCARCE").json().get("id").asString();
        assertThat(decide(User.HR1, first, 1, "APPROVE", "CRITERIA_MET").status()).isEqualTo(200);
        Http.Response full = decide(User.HR1, second, 1, "APPROVE", "CRITERIA_MET");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("code").asString()).isEqualTo("QUOTA_EXHAUSTED");
        assertThat(decide(User.HR1, second, 1, "REJECT", "QUOTA_EXHAUSTED").status()).isEqualTo(200);
    }

    @Test
    void aRequestForInformationGoesBackAndForthAndAWithdrawalIsFinal() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        String id = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        assertThat(decide(User.HR1, id, 1, "REQUEST_INFO", "DOCUMENTS_MISSING").status()).isEqualTo(200);
        Http.Response resubmitted = http.post("/api/talent/me/applications/" + id + "/resubmit", null)
                .token(token(User.APPLICANT1)).send();
        assertThat(resubmitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        Http.Response withdrawn = http.post("/api/talent/me/applications/" + id + "/withdraw", null)
                .token(token(User.APPLICANT1)).send();
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("timeline")).extracting(entry -> entry.get("to").asString())
                .containsExactly("SUBMITTED", "INFO_REQUESTED", "SUBMITTED", "WITHDRAWN");
        Http.Response again = http.post("/api/talent/me/applications/" + id + "/withdraw", null)
                .token(token(User.APPLICANT1)).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("TRANSITION_NOT_ALLOWED");
        assertThat(decide(User.HR1, id, 4, "APPROVE", "CRITERIA_MET").status()).isEqualTo(409);
        assertThat(apply(User.APPLICANT1, "IT-OPEN").status()).as("withdrawn frees the measure").isEqualTo(201);
    }

    @Test
    void autoGrantOffersAreCreatedOnceConfirmedInBulkAndAcceptedWithOneCall() {
        String me = a;
        long version = profileVersion(User.APPLICANT1);
        var event = matches(me, version, Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of("IT-AUTO"),
                result("IT-AUTO", Outcome.ELIGIBLE));
        deliverMatches(event);
        publish(event, me); // a duplicate delivery
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get("/api/talent/me/applications").token(token(User.APPLICANT1)).send().json().size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                mongo.count(Query.query(Criteria.where("applicantId").is(me)), "applications") == 1);
        JsonNode offer = http.get("/api/talent/me/applications").token(token(User.APPLICANT1)).send().json().get(0);
        assertThat(offer.get("kind").asString()).isEqualTo("OFFER");
        assertThat(offer.get("status").asString()).isEqualTo("OFFERED");
        String id = offer.get("id").asString();

        Http.Response early = http.post("/api/talent/me/applications/" + id + "/accept", null)
                .token(token(User.APPLICANT1)).send();
        assertThat(early.status()).as("not confirmed yet").isEqualTo(409);

        JsonNode confirmed = http.post("/api/talent/review/offers/confirm", Map.of("ids", List.of(id, "no-such-id")))
                .token(token(User.HR1)).send().json();
        assertThat(confirmed.get("confirmed")).extracting(JsonNode::asString).containsExactly(id);
        assertThat(confirmed.get("skipped")).extracting(JsonNode::asString).containsExactly("no-such-id");

        try (TopicProbe applications = probe(Topics.TALENT_APPLICATION)) {
            Http.Response accepted = http.post("/api/talent/me/applications/" + id + "/accept", null)
                    .token(token(User.APPLICANT1)).send();
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.json().get("status").asString()).isEqualTo("APPROVED");
            ApplicationDecided decided = EventJson.read(applications.awaitCount(ofType(EventType.APPLICATION_DECIDED)
                    .and(record -> record.value().contains(id)), 1).get(0).value(), ApplicationDecided.class);
            assertThat(decided.decision()).isEqualTo(ApplicationDecided.Decision.APPROVED);
        }
        publish(event, me); // replayed once more after approval: no second offer
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                mongo.count(Query.query(Criteria.where("applicantId").is(me)), "applications") == 1);
    }

    @Test
    void offersAreRejectedInBulkWithOneReasonAndOneAColleagueConfirmedMeanwhileIsReportedAsSuch() {
        String offerA = offered(User.APPLICANT1, a);
        String offerB = offered(User.APPLICANT2, b);
        assertThat(http.post("/api/talent/review/offers/confirm", Map.of("ids", List.of(offerB)))
                .token(token(User.HR2)).send().status()).isEqualTo(200);

        Http.Response wrongReason = http.post("/api/talent/review/offers/reject", Map.of("ids", List.of(offerA),
                "reasonCode", "CRITERIA_MET")).token(token(User.HR1)).send();
        assertThat(wrongReason.status()).isEqualTo(400);
        assertThat(wrongReason.json().get("code").asString()).isEqualTo("REASON_NOT_FOR_DECISION");

        Http.Response rejected = http.post("/api/talent/review/offers/reject", Map.of("ids",
                List.of(offerA, offerB, "no-such-id"), "reasonCode", "DUPLICATE", "comment", "已在他处享受"))
                .token(token(User.HR1)).send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("rejected")).extracting(JsonNode::asString).containsExactly(offerA);
        JsonNode skipped = rejected.json().get("skipped");
        assertThat(skipped).hasSize(2);
        assertThat(skipped.get(0).get("id").asString()).isEqualTo(offerB);
        assertThat(skipped.get(0).get("status").asString()).as("what it is now").isEqualTo("CONFIRMED");
        assertThat(skipped.get(1).get("id").asString()).isEqualTo("no-such-id");
        assertThat(skipped.get(1).has("status")).isFalse();

        JsonNode mine = http.get("/api/talent/me/applications/" + offerA).token(token(User.APPLICANT1)).send().json();
        assertThat(mine.get("status").asString()).isEqualTo("REJECTED");
    }

    /** An IT-AUTO offer for the applicant, created by a match result that makes them newly eligible. */
    private String offered(User user, String subject) {
        deliverMatches(matches(subject, profileVersion(user), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of("IT-AUTO"), result("IT-AUTO", Outcome.ELIGIBLE)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get("/api/talent/me/applications").token(token(user)).send().json().size() == 1);
        return http.get("/api/talent/me/applications").token(token(user)).send().json().get(0).get("id").asString();
    }

    @Test
    void anOfficerHandsAnApplicationToAColleagueWhoFindsItAmongTheirOwn() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        String id = apply(User.APPLICANT1, "IT-OPEN").json().get("id").asString();
        http.get("/api/talent/review/applications").token(token(User.HR2)).send(); // hr2 has used the console

        JsonNode officers = http.get("/api/talent/review/officers").token(token(User.HR1)).send().json();
        assertThat(officers).extracting(officer -> officer.get("userName").asString()).contains("hr1", "hr2");
        assertThat(officers).filteredOn(officer -> officer.get("me").asBoolean())
                .extracting(officer -> officer.get("userName").asString()).containsExactly("hr1");

        Http.Response assigned = http.post("/api/talent/review/applications/" + id + "/assign",
                Map.of("userName", "hr2")).token(token(User.HR1)).send();
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("claim").get("byName").asString()).isEqualTo("hr2");
        assertThat(assigned.json().get("claim").get("mine").asBoolean()).isFalse();
        JsonNode handover = assigned.json().get("handovers").get(0);
        assertThat(handover.get("byName").asString() + " → " + handover.get("toName").asString()).isEqualTo("hr1 → hr2");
        QueueCheck hr2 = new QueueCheck(http.get("/api/talent/review/applications?mine=true").token(token(User.HR2))
                .send().json());
        assertThat(hr2.ids()).containsExactly(id);
        assertThat(hr2.count("SUBMITTED")).as("the counts beside 我办理的 are of what hr2 holds").isEqualTo(1);
        QueueCheck hr1 = new QueueCheck(http.get("/api/talent/review/applications?mine=true").token(token(User.HR1))
                .send().json());
        assertThat(hr1.ids()).isEmpty();
        assertThat(hr1.count("SUBMITTED")).isZero();

        Http.Response back = http.post("/api/talent/review/applications/" + id + "/assign",
                Map.of("userName", "hr1")).token(token(User.HR1)).send();
        assertThat(back.status()).as("hr2 holds it now").isEqualTo(409);
        assertThat(back.json().get("code").asString()).isEqualTo("CLAIMED_BY_OTHER");
        assertThat(back.json().get("detail").asString()).contains("hr2");
        Http.Response nobody = http.post("/api/talent/review/applications/" + id + "/assign",
                Map.of("userName", "nobody")).token(token(User.HR2)).send();
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().get("code").asString()).isEqualTo("OFFICER_UNKNOWN");
    }

    @Test
    void erasureRemovesApplicationsAndMatchesToo() {
        eligible(User.APPLICANT1, List.of(), "IT-OPEN");
        apply(User.APPLICANT1, "IT-OPEN");
        assertThat(http.delete("/api/talent/me").token(token(User.APPLICANT1)).send().status()).isEqualTo(204);
        assertThat(mongo.count(Query.query(Criteria.where("applicantId").is(a)), "applications")).isZero();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(a)), "matches")).isFalse();
        assertThat(http.get("/api/talent/me/applications").token(token(User.APPLICANT1)).send().json()).isEmpty();
        // late match results for the erased applicant bring nothing back
        publish(matches(a, 99, Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of(), result("IT-OPEN", Outcome.ELIGIBLE)), a);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                !mongo.exists(Query.query(Criteria.where("_id").is(a)), "matches"));
        assertThat(mongo.getCollection("profiles").find(new Document("_id", b)).first()).isNotNull();
    }

    private static List<String> reasons(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        List<String> reasons = new ArrayList<>();
        response.json().get("reasons").forEach(reason -> reasons.add(reason.asString()));
        return reasons;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record QueueCheck(JsonNode page) {
        List<String> ids() {
            List<String> ids = new ArrayList<>();
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            return ids;
        }

        long count(String status) {
            long count = 0;
            for (JsonNode each : page.get("counts")) {
                count += status.equals(each.get("status").asString()) ? each.get("count").asLong() : 0;
            }
            return count;
        }
    }
}
