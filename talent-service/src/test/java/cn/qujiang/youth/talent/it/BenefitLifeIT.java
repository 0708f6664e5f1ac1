package cn.qujiang.youth.talent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.BenefitEnded;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.GrantTerm.Term;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.MeasurePublished.Mode;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.ShiftableClock;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.talent.ServiceZone;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Benefits have a life: what an approval grants by the measure's term, the daily sweep ending what ran out (clock
 * moved past 31 December), places counted per year, and an officer ending a benefit with a reason, on the real
 * Kafka and MongoDB-wire server.
 */
class BenefitLifeIT extends TalentIntegrationTest {
    private static final LocalDate OPENS = LocalDate.of(2024, 1, 1);
    static final MeasurePublished YEARLY = measure("IT-YEAR", 1, Mode.APPLY, OPENS, null, 1, List.of(), 1,
            new GrantTerm(Term.CALENDAR_YEAR, null, null));
    static final MeasurePublished RENT = measure("IT-LEASE", 1, Mode.APPLY, OPENS, null, null, List.of("IT-FLAT"), 5,
            new GrantTerm(Term.MONTHS, 36, null));
    static final MeasurePublished FLAT = measure("IT-FLAT", 1, Mode.APPLY, OPENS, null, null, List.of("IT-LEASE"), 5,
            new GrantTerm(Term.ONE_OFF, null, null));
    /** Held while the holder qualifies, as the child allowance is until the child's third birthday. */
    static final MeasurePublished CHILD = measure("IT-CHILD", 1, Mode.APPLY, OPENS, null, null, List.of(), 5,
            new GrantTerm(Term.MONTHS, 36, null, true));

    private final ShiftableClock clock;
    private String a;

    BenefitLifeIT(@LocalServerPort int port, MongoTemplate mongo, KafkaTemplate<String, String> kafka,
            OutboxRelay relay, ShiftableClock clock) {
        super(port, mongo, kafka, relay);
        this.clock = clock;
    }

    @BeforeEach
    void applicantAndCatalogue() {
        ensureCatalogue(YEARLY, RENT, FLAT, CHILD);
        a = subject(User.APPLICANT1);
        createProfile(User.APPLICANT1, "张三", ApplicationIT.ID_A, "13812345678", "zhang@example.com");
        createProfile(User.APPLICANT2, "李四", ApplicationIT.ID_B, "13700001111", null);
    }

    @AfterEach
    void backToToday() {
        clock.setTo(java.time.Instant.now());
    }

    @Test
    void aYearlyBenefitIsHeldUntilThirtyFirstDecemberItsPlacesCountPerYearAndItIsAppliedForAgainNextYear() {
        LocalDate today = ServiceZone.today(clock);
        String id = approved(User.APPLICANT1, "IT-YEAR");
        JsonNode granted = own(User.APPLICANT1, id).get("grant");
        assertThat(granted.get("term").asString()).isEqualTo("CALENDAR_YEAR");
        assertThat(granted.get("grantedFrom").asString()).isEqualTo(today.toString());
        assertThat(granted.get("grantedUntil").asString()).isEqualTo(today.getYear() + "-12-31");
        assertThat(granted.get("held").asBoolean()).isTrue();
        JsonNode places = http.get("/api/talent/me/measures/IT-YEAR/places").token(token(User.APPLICANT2)).send()
                .json();
        assertThat(places.get("period").asString()).isEqualTo("year:" + today.getYear());
        assertThat(places.get("periodName").asString()).isEqualTo(today.getYear() + "年");
        assertThat(places.get("left").asInt()).isZero();
        String second = submitted(User.APPLICANT2, "IT-YEAR");
        Http.Response full = decide(User.HR1, second, 1, "APPROVE", "CRITERIA_MET");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("code").asString()).isEqualTo("QUOTA_EXHAUSTED");

        try (TopicProbe applications = probe(Topics.TALENT_APPLICATION);
                TopicProbe applicants = probe(Topics.TALENT_APPLICANT)) {
            clock.setTo(LocalDate.of(today.getYear() + 1, 1, 1).atTime(LocalTime.of(0, 10))
                    .atZone(ServiceZone.ZONE).toInstant());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(own(User.APPLICANT1, id).get("status").asString()).isEqualTo("ENDED"));
            JsonNode ended = own(User.APPLICANT1, id);
            assertThat(ended.get("grant").get("held").asBoolean()).isFalse();
            assertThat(ended.get("grant").get("endedOn").asString()).isEqualTo((today.getYear() + 1) + "-01-01");
            assertThat(last(ended.get("timeline")).get("reason").asString()).isEqualTo("享受期已满");
            BenefitEnded event = EventJson.read(applications.awaitCount(ApplicationIT.ofType(EventType.BENEFIT_ENDED)
                    .and(record -> record.value().contains(id)), 1).get(0).value(), BenefitEnded.class);
            assertThat(event.cause()).isEqualTo(BenefitEnded.Cause.EXPIRED);
            assertThat(event.reasonCode()).isEqualTo("TERM_EXPIRED");
            assertThat(heldMeasuresAnnounced(applicants)).isEmpty();
        }
        assertThat(http.get("/api/talent/review/measures/IT-YEAR/places").token(token(User.HR1)).send().json()
                .get("left").asInt()).as("a new year, new places").isEqualTo(1);
        eligible(User.APPLICANT1, "IT-YEAR");
        assertThat(apply(User.APPLICANT1, "IT-YEAR").status()).isEqualTo(201);
    }

    @Test
    void anOfficerEndsABenefitWithAReasonTheResidentIsToldAndWhatItExcludedOpensAgain() {
        String id = approved(User.APPLICANT1, "IT-LEASE");
        LocalDate today = ServiceZone.today(clock);
        JsonNode review = http.get("/api/talent/review/applications/" + id).token(token(User.HR1)).send().json();
        assertThat(review.get("grant").get("grantedUntil").asString())
                .isEqualTo(today.plusMonths(36).minusDays(1).toString());
        long version = review.get("version").asLong();
        eligible(User.APPLICANT1, "IT-FLAT", "IT-LEASE");
        assertThat(apply(User.APPLICANT1, "IT-FLAT").json().get("reasons").get(0).asString())
                .isEqualTo("EXCLUDED_BY_HELD");

        Http.Response stale = end(id, version - 1, "FALSE_MATERIALS", null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(stale.json().get("code").asString()).isEqualTo("STALE_VERSION");
        assertThat(stale.json().get("detail").asString()).contains("已被他人修改");
        Http.Response unknown = end(id, version, "TOO_RICH", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("reasonCode");
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("提供虚假材料");

        try (TopicProbe applications = probe(Topics.TALENT_APPLICATION);
                TopicProbe applicants = probe(Topics.TALENT_APPLICANT)) {
            Http.Response ended = end(id, version, "FALSE_MATERIALS", "en");
            assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
            assertThat(ended.json().get("status").asString()).isEqualTo("ENDED");
            JsonNode step = last(ended.json().get("transitions"));
            assertThat(step.get("by").asString()).isEqualTo(subject(User.HR1));
            assertThat(step.get("reasonCode").asString()).isEqualTo("FALSE_MATERIALS");
            assertThat(step.get("reason").asString()).isEqualTo("False documents were provided");
            assertThat(step.get("comment").asString()).isEqualTo("租赁合同经核实为伪造");
            ConsumerRecord<String, String> record = applications.awaitCount(ApplicationIT.ofType(
                    EventType.BENEFIT_ENDED).and(r -> r.value().contains(id)), 1).get(0);
            BenefitEnded event = EventJson.read(record.value(), BenefitEnded.class);
            assertThat(event.cause()).isEqualTo(BenefitEnded.Cause.ENDED_BY_OFFICER);
            assertThat(event.endedOn()).isEqualTo(today);
            assertThat(record.value()).doesNotContain("张三", "13812345678", "zhang@example.com", "伪造");
            assertThat(heldMeasuresAnnounced(applicants)).isEmpty();
        }
        JsonNode resident = own(User.APPLICANT1, id);
        assertThat(last(resident.get("timeline")).get("reason").asString()).isEqualTo("提供虚假材料");
        assertThat(resident.get("grant").get("held").asBoolean()).isFalse();
        eligible(User.APPLICANT1, "IT-FLAT");
        assertThat(apply(User.APPLICANT1, "IT-FLAT").status()).as("the excluded measure is open again").isEqualTo(201);

        Http.Response again = end(id, version + 1, "RESIDENT_REQUEST", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("TRANSITION_NOT_ALLOWED");
        assertThat(http.get("/api/talent/review/end-reasons").token(token(User.HR1)).send().json())
                .extracting(reason -> reason.get("label").asString())
                .containsExactly("不再符合条件", "提供虚假材料", "本人申请终止", "政策到期");
        assertThat(end(id, version + 1, "RESIDENT_REQUEST", null, User.APPLICANT1).status()).isEqualTo(403);
    }

    @Test
    void aBenefitHeldWhileEligibleEndsWhenTheHolderNoLongerQualifiesOthersStay() {
        String child = approved(User.APPLICANT1, "IT-CHILD");
        String flat = approved(User.APPLICANT1, "IT-FLAT");

        try (TopicProbe applications = probe(Topics.TALENT_APPLICATION)) {
            // The daily sweep on the child's third birthday: both measures are no longer matched.
            deliverMatches(new cn.qujiang.youth.contracts.MatchesEvaluated(a, profileVersion(User.APPLICANT1),
                    ServiceZone.today(clock), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    cn.qujiang.youth.contracts.MatchesEvaluated.Trigger.DAILY_SWEEP,
                    List.of(result("IT-CHILD", cn.qujiang.youth.contracts.MatchesEvaluated.Outcome.INELIGIBLE),
                            result("IT-FLAT", cn.qujiang.youth.contracts.MatchesEvaluated.Outcome.INELIGIBLE)),
                    List.of(), List.of("IT-CHILD", "IT-FLAT")));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(own(User.APPLICANT1, child).get("status").asString()).isEqualTo("ENDED"));
            BenefitEnded event = EventJson.read(applications.awaitCount(ApplicationIT.ofType(EventType.BENEFIT_ENDED)
                    .and(record -> record.value().contains(child)), 1).get(0).value(), BenefitEnded.class);
            assertThat(event.cause()).isEqualTo(BenefitEnded.Cause.NO_LONGER_ELIGIBLE);
            assertThat(event.reasonCode()).isEqualTo("NO_LONGER_ELIGIBLE");
        }
        assertThat(own(User.APPLICANT1, flat).get("status").asString()).as("held for good").isEqualTo("APPROVED");
    }

    private String approved(User user, String code) {
        String id = submitted(user, code);
        Http.Response decided = decide(User.HR1, id, 1, "APPROVE", "CRITERIA_MET");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> profileVersion(user) > 1);
        return id;
    }

    private String submitted(User user, String code) {
        eligible(user, code);
        Http.Response created = apply(user, code);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void eligible(User user, String... codes) {
        deliverMatches(matches(subject(user), profileVersion(user), java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS), List.of(), List.of(codes).stream()
                .map(code -> result(code, cn.qujiang.youth.contracts.MatchesEvaluated.Outcome.ELIGIBLE))
                .toArray(cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult[]::new)));
    }

    private Http.Response end(String id, long version, String reason, String language) {
        return end(id, version, reason, language, User.HR1);
    }

    private Http.Response end(String id, long version, String reason, String language, User user) {
        Http.Request request = http.post("/api/talent/review/applications/" + id + "/end",
                Map.of("version", version, "reasonCode", reason, "comment", "租赁合同经核实为伪造")).token(token(user));
        return (language == null ? request : request.header("Accept-Language", language)).send();
    }

    private JsonNode own(User user, String id) {
        return http.get("/api/talent/me/applications/" + id).token(token(user)).send().json();
    }

    /** The held measures of the latest ApplicantProfileChanged of applicant 1 seen on the topic. */
    private List<String> heldMeasuresAnnounced(TopicProbe applicants) {
        List<ConsumerRecord<String, String>> changed = applicants.awaitCount(ApplicationIT.ofType(
                EventType.APPLICANT_PROFILE_CHANGED).and(record -> a.equals(record.key())), 1);
        return EventJson.read(changed.get(changed.size() - 1).value(), ApplicantProfileChanged.class).heldMeasures();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
