package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Proof documents through the gateway: applying without the documents the measure lists is refused with their
 * names; the resident uploads them and applies; the officer previews one, rejects it with a reason and asks for
 * information; the resident sees which document and why, uploads a new one and resubmits; the officer accepts the
 * documents and approves. Every preview is on the application's record.
 */
@Order(8)
class DocumentsJourneyIT {
    private static final String RENT_SUBSIDY = "QJY-17";

    @Test
    void refusedWithTheListThenUploadedRequestedAgainReplacedAcceptedAndApproved() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1997, 9, 1));
        JsonNode matches = Journeys.saveProfileAndAwaitMatches(applicant, BenefitEndJourneyIT.employedRenter(applicant));
        assertThat(Journeys.result(matches, RENT_SUBSIDY).path("outcome").asString()).isEqualTo("ELIGIBLE");

        Http.Reply refused = applicant.http().post("/api/talent/me/applications", Map.of("measureCode", RENT_SUBSIDY));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(names(refused.json().path("missingDocuments"))).containsExactly("身份证", "学历证书", "房屋租赁合同");

        Http.Reply html = applicant.http().upload("/api/talent/me/documents", "tenancy-agreement", "contract.jpg",
                "image/jpeg", "<html><script>alert(1)</script></html>".getBytes());
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.json().path("errors").path(0).path("field").asString()).isEqualTo("file");

        Map<String, String> uploaded = Journeys.uploadRequiredDocuments(applicant, RENT_SUBSIDY);
        assertThat(uploaded).containsOnlyKeys("resident-id-card", "degree-certificate", "tenancy-agreement");
        Http.Reply submitted = applicant.http().post("/api/talent/me/applications", Map.of("measureCode", RENT_SUBSIDY));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.json().path("id").asString();
        String documents = "/api/talent/review/applications/" + id + "/documents";

        String tenancy = uploaded.get("tenancy-agreement");
        HttpResponse<byte[]> preview = Staff.hr1().download(documents + "/" + tenancy + "/content");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(preview.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        Http.Reply rejected = Staff.hr1().post(documents + "/" + tenancy + "/review",
                Map.of("decision", "REJECT", "reason", "租赁合同缺少出租人签字页"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        Http.Reply askedForInfo = Staff.hr1().post("/api/talent/review/applications/" + id + "/decision",
                Map.of("version", submitted.json().path("version").asLong(), "decision", "REQUEST_INFO",
                        "reasonCode", "DOCUMENTS_UNCLEAR", "comment", "请补充完整的租赁合同"));
        assertThat(askedForInfo.status()).as(askedForInfo.toString()).isEqualTo(200);

        JsonNode asked = applicant.http().get("/api/talent/me/applications/" + id + "/documents").json();
        JsonNode tenancyState = Journeys.stream(asked.path("requirements"))
                .filter(requirement -> requirement.path("key").asString().equals("tenancy-agreement"))
                .findFirst().orElseThrow();
        assertThat(tenancyState.path("state").asString()).isEqualTo("REJECTED");
        assertThat(tenancyState.path("name").asString()).isEqualTo("房屋租赁合同");
        assertThat(tenancyState.path("reason").asString()).isEqualTo("租赁合同缺少出租人签字页");
        Http.Reply tooEarly = applicant.http().post("/api/talent/me/applications/" + id + "/resubmit", Map.of());
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(names(tooEarly.json().path("missingDocuments"))).containsExactly("房屋租赁合同");

        Http.Reply replaced = applicant.http().upload("/api/talent/me/applications/" + id + "/documents",
                "tenancy-agreement", "租赁合同-完整.png", "image/png", Journeys.photo());
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        Http.Reply resubmitted = applicant.http().post("/api/talent/me/applications/" + id + "/resubmit", Map.of());
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);

        JsonNode review = Staff.hr1().get(documents).json();
        for (JsonNode requirement : review.path("requirements")) {
            String documentId = requirement.path("documentId").asString();
            assertThat(Staff.hr1().post(documents + "/" + documentId + "/review", Map.of("decision", "ACCEPT"))
                    .status()).isEqualTo(200);
        }
        JsonNode accepted = Staff.hr1().get(documents).json();
        assertThat(Journeys.stream(accepted.path("requirements")).map(r -> r.path("state").asString()))
                .containsOnly("ACCEPTED");
        assertThat(Journeys.stream(accepted.path("views")).map(v -> v.path("requirementName").asString()).toList())
                .containsExactly("房屋租赁合同");
        assertThat(accepted.path("views").path(0).path("byName").asString()).isEqualTo("hr1");

        long version = Staff.hr1().get("/api/talent/review/applications/" + id).json().path("version").asLong();
        Http.Reply approved = Staff.hr1().post("/api/talent/review/applications/" + id + "/decision",
                Map.of("version", version, "decision", "APPROVE", "reasonCode", "CRITERIA_MET", "comment", "材料齐全"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(applicant.http().get("/api/talent/me/applications/" + id).json().path("status").asString())
                .isEqualTo("APPROVED");
    }

    private static List<String> names(JsonNode documents) {
        return Journeys.stream(documents).map(document -> document.path("name").asString()).toList();
    }
}
