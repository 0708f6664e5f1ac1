package cn.qujiang.youth.e2e;

import static cn.qujiang.youth.e2e.Journeys.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Benefits have a life: an officer revokes a granted benefit with a reason; the resident sees it ended, is told in
 * words, and the measure it excluded is open to them again. API-level, through the gateway with real tokens.
 */
@Order(6)
class BenefitEndJourneyIT {
    private static final String RENT_SUBSIDY = "QJY-17";
    private static final String TALENT_APARTMENT = "QJY-16";

    @Test
    void anOfficerRevokesAGrantedBenefitTheResidentSeesItEndedAndTheExcludedMeasureOpen() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1998, 4, 10));
        Journeys.allChannelsAtAnyHour(applicant);
        JsonNode first = Journeys.saveProfileAndAwaitMatches(applicant, employedRenter(applicant));
        assertThat(outcome(first, RENT_SUBSIDY)).isEqualTo("ELIGIBLE");
        assertThat(outcome(first, TALENT_APARTMENT)).isEqualTo("ELIGIBLE");

        Journeys.uploadRequiredDocuments(applicant, RENT_SUBSIDY);
        Http.Reply submitted = applicant.http().post("/api/talent/me/applications", Map.of("measureCode", RENT_SUBSIDY));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.json().path("id").asString();
        Http.Reply approved = Staff.hr1().post("/api/talent/review/applications/" + id + "/decision",
                Map.of("version", submitted.json().path("version").asLong(), "decision", "APPROVE",
                        "reasonCode", "CRITERIA_MET", "comment", "材料齐全"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("grant").path("term").asString()).isEqualTo("MONTHS");
        assertThat(approved.json().path("places").has("quota")).as("the rent subsidy has no quota").isFalse();
        await().atMost(ASYNC).untilAsserted(() -> assertThat(outcome(matches(applicant), TALENT_APARTMENT))
                .isEqualTo("EXCLUDED"));
        JsonNode places = applicant.http().get("/api/talent/me/measures/" + TALENT_APARTMENT + "/places").json();
        assertThat(places.path("quota").asInt()).isEqualTo(1200);
        assertThat(places.path("left").asInt()).isBetween(0, 1200);
        int inboxBefore = settledInbox(applicant);

        Http.Reply stale = Staff.hr1().post("/api/talent/review/applications/" + id + "/end",
                Map.of("version", 1, "reasonCode", "FALSE_MATERIALS", "comment", "租赁合同经核实为伪造"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        Http.Reply ended = Staff.hr1().post("/api/talent/review/applications/" + id + "/end",
                Map.of("version", approved.json().path("version").asLong(), "reasonCode", "FALSE_MATERIALS",
                        "comment", "租赁合同经核实为伪造"));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().path("status").asString()).isEqualTo("ENDED");

        JsonNode mine = applicant.http().get("/api/talent/me/applications/" + id).json();
        assertThat(mine.path("status").asString()).isEqualTo("ENDED");
        assertThat(mine.path("grant").path("held").asBoolean()).isFalse();
        assertThat(mine.path("grant").path("endedOn").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        List<JsonNode> timeline = Journeys.stream(mine.path("timeline")).toList();
        assertThat(timeline.get(timeline.size() - 1).path("reason").asString()).isEqualTo("提供虚假材料");
        // Told twice: the benefit ended, and the measure it excluded is open to them again.
        await().atMost(ASYNC).untilAsserted(() -> {
            List<JsonNode> inbox = Journeys.inbox(applicant);
            assertThat(inbox).hasSize(inboxBefore + 2);
            assertThat(inbox).filteredOn(item -> item.path("kind").asString().equals("BENEFIT_ENDED")).singleElement()
                    .satisfies(item -> assertThat(item.path("body").asString()).contains("青年人才租房补贴")
                            .contains("已自").contains("经核实提供了虚假材料"));
            assertThat(inbox.subList(0, 2)).filteredOn(item -> item.path("kind").asString().equals("NEWLY_ELIGIBLE"))
                    .singleElement().satisfies(item -> assertThat(item.path("body").asString()).contains("人才公寓"));
        });
        await().atMost(ASYNC).untilAsserted(() -> assertThat(outcome(matches(applicant), TALENT_APARTMENT))
                .isEqualTo("ELIGIBLE"));
        Journeys.uploadRequiredDocuments(applicant, TALENT_APARTMENT);
        Http.Reply reopened = applicant.http().post("/api/talent/me/applications",
                Map.of("measureCode", TALENT_APARTMENT));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(201);
    }

    /** Works and rents in the district with a year of social insurance: rent subsidy and talent apartment alike. */
    static Map<String, Object> employedRenter(Applicant applicant) {
        Map<String, Object> profile = new LinkedHashMap<>(applicant.jobSeekerProfile(null));
        profile.put("residence", Map.of("residesInQujiang", true, "firstTimeInQujiang", false));
        profile.put("employment", Map.of("status", "EMPLOYED", "employer", "衢江某科技有限公司",
                "employerCreditCode", "91330100716105852F", "employerInQujiang", true,
                "socialInsuranceInQujiangSince", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(1).toString()));
        return profile;
    }

    private static JsonNode matches(Applicant applicant) {
        return applicant.http().get("/api/talent/me/matches").json();
    }

    private static String outcome(JsonNode matches, String code) {
        return Journeys.result(matches, code).path("outcome").asString();
    }

    /** The messages of the profile, the application and the approval have arrived and nothing else is on its way. */
    private static int settledInbox(Applicant applicant) {
        await().atMost(ASYNC).during(java.time.Duration.ofSeconds(3)).until(() -> Journeys.inbox(applicant).size() >= 3);
        return Journeys.inbox(applicant).size();
    }
}
