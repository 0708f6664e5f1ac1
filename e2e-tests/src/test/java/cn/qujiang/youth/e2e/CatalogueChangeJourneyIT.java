package cn.qujiang.youth.e2e;

import static cn.qujiang.youth.e2e.Journeys.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Policy officers change a measure as data, with four eyes, and exactly the applicants it now covers hear of it. */
@Order(2)
class CatalogueChangeJourneyIT {

    @Test
    void raisingTheAgeLimitMakesAnOlderJobSeekerEligibleAndTellsOnlyThem() {
        Applicant older = Applicant.bornOn(LocalDate.of(1989, 6, 1));
        Applicant younger = Applicant.bornOn(LocalDate.of(2000, 1, 15));
        Journeys.allChannelsAtAnyHour(older);
        Journeys.allChannelsAtAnyHour(younger);
        assertThat(Journeys.result(Journeys.saveProfileAndAwaitMatches(older, older.jobSeekerProfile(null)), "QJY-01")
                .path("outcome").asString()).isEqualTo("INELIGIBLE");
        assertThat(Journeys.result(Journeys.saveProfileAndAwaitMatches(younger, younger.jobSeekerProfile(null)), "QJY-01")
                .path("outcome").asString()).isEqualTo("ELIGIBLE");
        int olderInbox = settledInbox(older);
        int youngerInbox = settledInbox(younger);

        ObjectNode measure = currentDefinition("QJY-01");
        ((ObjectNode) measure.path("criteria").get(0)).put("expr", "applicant.age >= 18 && applicant.age <= 40");
        Journeys.stream(measure.path("examples"))
                .filter(example -> example.path("applicant").path("age").asInt() == 36)
                .forEach(example -> ((ObjectNode) example.path("applicant")).put("age", 41));

        Http.Reply draft = Staff.admin1().post("/api/policy/admin/measures", Map.of("measure", measure));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        long revision = draft.json().path("draftRevision").asLong();
        Http.Reply selfApproval = Staff.admin1().post("/api/policy/admin/measures/QJY-01/draft/approve",
                Map.of("draftRevision", revision));
        assertThat(selfApproval.status()).as(selfApproval.toString()).isEqualTo(403);
        assertThat(selfApproval.isProblem()).isTrue();
        Http.Reply approved = Staff.admin2().post("/api/policy/admin/measures/QJY-01/draft/approve",
                Map.of("draftRevision", revision));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        Http.Reply published = Staff.admin2().post("/api/policy/admin/measures/QJY-01/publish", Map.of());
        assertThat(published.status()).as(published.toString()).isIn(200, 201);

        await().atMost(ASYNC).untilAsserted(() -> assertThat(Journeys.result(
                older.http().get("/api/talent/me/matches").json(), "QJY-01").path("outcome").asString())
                .isEqualTo("ELIGIBLE"));
        await().atMost(ASYNC).during(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(Journeys.inbox(older)).hasSize(olderInbox + 1));
        assertThat(Journeys.inbox(older).get(0).path("body").asString()).contains("青年驿站免费住宿");
        assertThat(Journeys.inbox(younger)).hasSize(youngerInbox);
    }

    private static ObjectNode currentDefinition(String code) {
        // An officer's screen retries while policy-service is busy re-matching (the gateway answers 503 meanwhile).
        ObjectNode[] measure = new ObjectNode[1];
        await().atMost(ASYNC).untilAsserted(() -> {
            Http.Reply history = Staff.admin1().get("/api/policy/admin/measures/" + code + "/history");
            assertThat(history.status()).as(history.toString()).isEqualTo(200);
            int version = history.json().path("currentVersion").asInt();
            Http.Reply current = Staff.admin1().get("/api/policy/admin/measures/" + code + "/versions/" + version);
            assertThat(current.status()).as(current.toString()).isEqualTo(200);
            measure[0] = (ObjectNode) current.json().path("measure");
        });
        return measure[0];
    }

    /** The "you now qualify" message of the first profile has arrived and nothing else is on its way. */
    private static int settledInbox(Applicant applicant) {
        await().atMost(ASYNC).during(Duration.ofSeconds(2)).until(() -> !Journeys.inbox(applicant).isEmpty());
        return Journeys.inbox(applicant).size();
    }
}
