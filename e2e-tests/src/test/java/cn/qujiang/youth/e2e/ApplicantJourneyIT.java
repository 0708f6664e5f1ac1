package cn.qujiang.youth.e2e;

import static cn.qujiang.youth.e2e.Journeys.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A young resident's way through the suite, from a first partial profile to an approved application and erasure. */
@Order(1)
class ApplicantJourneyIT {

    @Test
    void aPartialProfileSaysWhatIsMissingAndACompleteOneExplainsEveryResult() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(2000, 5, 20));
        Map<String, Object> partial = applicant.identity();
        partial.put("employment", Map.of("status", "JOB_SEEKING"));

        JsonNode first = Journeys.saveProfileAndAwaitMatches(applicant, partial);

        JsonNode station = Journeys.result(first, "QJY-01");
        assertThat(station.path("outcome").asString()).isEqualTo("NEEDS_INFO");
        // The station is for first-time job seekers from outside the district (students about to graduate too).
        assertThat(Journeys.stream(station.path("missingFacts")).map(f -> f.path("fact").asString()))
                .containsExactly("firstTimeInQujiang", "hukou", "monthsToGraduation");

        Map<String, Object> complete = applicant.jobSeekerProfile(first.path("profileVersion").asLong());
        JsonNode second = Journeys.saveProfileAndAwaitMatches(applicant, complete);

        JsonNode eligible = Journeys.result(second, "QJY-01");
        assertThat(eligible.path("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(eligible.path("amount").asLong()).isEqualTo(7);
        assertThat(eligible.path("unit").asString()).isEqualTo("NIGHT");
        assertThat(eligible.path("title").asString()).isEqualTo("青年驿站免费住宿");
        JsonNode ineligible = Journeys.stream(second.path("results"))
                .filter(r -> "INELIGIBLE".equals(r.path("outcome").asString())).findFirst().orElseThrow();
        JsonNode failed = ineligible.path("failedCriteria").get(0);
        assertThat(failed.path("label").asString()).isNotBlank();
        assertThat(failed.path("hint").asString()).isNotBlank();

        JsonNode english = applicant.http().english().get("/api/talent/me/matches").json();
        assertThat(Journeys.result(english, "QJY-01").path("title").asString()).isEqualTo("Free lodging at youth stations");
        JsonNode englishIneligible = Journeys.result(english, ineligible.path("measureCode").asString());
        assertThat(englishIneligible.path("failedCriteria").get(0).path("label").asString())
                .isNotEqualTo(failed.path("label").asString()).matches("[\\x20-\\x7E]+");
    }

    @Test
    void anApprovedApplicationReachesTheApplicantOncePerChannel() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(2001, 3, 14));
        Journeys.allChannelsAtAnyHour(applicant);
        Journeys.saveProfileAndAwaitMatches(applicant, applicant.jobSeekerProfile(null));

        Http.Reply refused = applicant.http().post("/api/talent/me/applications", Map.of("measureCode", "QJY-02x"));
        assertThat(refused.status()).isIn(404, 409);
        Http.Reply notEligible = applicant.http().post("/api/talent/me/applications", Map.of("measureCode", ineligibleCode(applicant)));
        assertThat(notEligible.status()).as(notEligible.toString()).isEqualTo(409);
        assertThat(notEligible.isProblem()).isTrue();
        assertThat(notEligible.json().path("reasons")).isNotEmpty();

        Http.Reply submitted = applicant.http().post("/api/talent/me/applications", Map.of("measureCode", "QJY-01"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String applicationId = submitted.json().path("id").asString();

        JsonNode item = awaitInQueue(applicationId);
        JsonNode detail = Staff.hr1().get("/api/talent/review/applications/" + applicationId).json();
        assertThat(detail.path("applicant").path("idNumber").asString())
                .startsWith(applicant.idNumber.substring(0, 4)).contains("*").isNotEqualTo(applicant.idNumber);
        assertThat(detail.path("applicant").path("phone").asString()).contains("*").isNotEqualTo(applicant.phone);
        assertThat(detail.path("eligibilityAtSubmission").path("result").path("outcome").asString()).isEqualTo("ELIGIBLE");

        // "You now qualify" after the profile, "received" after the application: both delivered before the decision.
        await().atMost(ASYNC).during(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(Journeys.mailTo(applicant)).hasSize(2);
            assertThat(Journeys.smsTo(applicant)).hasSize(2);
            assertThat(Journeys.inbox(applicant)).hasSize(2);
        });
        int mailBefore = Journeys.mailTo(applicant).size();
        int smsBefore = Journeys.smsTo(applicant).size();
        int inboxBefore = Journeys.inbox(applicant).size();
        Http.Reply decided = Staff.hr1().post("/api/talent/review/applications/" + applicationId + "/decision",
                Map.of("version", item.path("version").asLong(), "decision", "APPROVE", "reasonCode", "CRITERIA_MET",
                        "comment", "材料齐全"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        JsonNode mine = applicant.http().get("/api/talent/me/applications/" + applicationId).json();
        assertThat(mine.path("status").asString()).isEqualTo("APPROVED");
        assertThat(Journeys.stream(mine.path("timeline")).map(t -> t.path("to").asString()))
                .containsSubsequence("SUBMITTED", "APPROVED");
        await().atMost(ASYNC).during(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(Journeys.mailTo(applicant)).hasSize(mailBefore + 1);
            assertThat(Journeys.smsTo(applicant)).hasSize(smsBefore + 1);
            assertThat(Journeys.inbox(applicant)).hasSize(inboxBefore + 1);
        });
        assertThat(Journeys.body(Journeys.mailTo(applicant).get(mailBefore))).contains("青年驿站免费住宿");
        assertThat(Journeys.smsTo(applicant).get(smsBefore).path("content").asString()).startsWith("【青年衢江】");
    }

    @Test
    void erasureRemovesTheApplicantFromEveryService() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1999, 11, 2));
        Journeys.allChannelsAtAnyHour(applicant);
        Journeys.saveProfileAndAwaitMatches(applicant, applicant.jobSeekerProfile(null));
        assertThat(applicant.http().post("/api/talent/me/applications", Map.of("measureCode", "QJY-01")).status()).isEqualTo(201);
        await().atMost(ASYNC).until(() -> !Journeys.inbox(applicant).isEmpty());
        assertThat(applicant.http().get("/api/policy/me/results").json().path("results")).isNotEmpty();

        Http.Reply erased = applicant.http().delete("/api/talent/me");
        assertThat(erased.status()).as(erased.toString()).isIn(200, 202, 204);

        assertThat(applicant.http().get("/api/talent/me/profile").status()).isEqualTo(404);
        assertThat(applicant.http().get("/api/talent/me/applications").json()).isEmpty();
        await().atMost(ASYNC).untilAsserted(() -> {
            assertThat(Journeys.inbox(applicant)).isEmpty();
            Http.Reply results = applicant.http().get("/api/policy/me/results");
            assertThat(results.status()).as(results.toString()).isEqualTo(404);
        });
    }

    private static String ineligibleCode(Applicant applicant) {
        JsonNode matches = applicant.http().get("/api/talent/me/matches").json();
        return Journeys.stream(matches.path("results")).filter(r -> "INELIGIBLE".equals(r.path("outcome").asString()))
                .map(r -> r.path("measureCode").asString()).findFirst().orElseThrow();
    }

    private static JsonNode awaitInQueue(String applicationId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(ASYNC).untilAsserted(() -> {
            List<JsonNode> items = Journeys.stream(Staff.hr1()
                    .get("/api/talent/review/applications?status=SUBMITTED&measure=QJY-01&size=100").json().path("items")).toList();
            found[0] = items.stream().filter(i -> applicationId.equals(i.path("id").asString())).findFirst().orElse(null);
            assertThat(found[0]).isNotNull();
        });
        return found[0];
    }
}
