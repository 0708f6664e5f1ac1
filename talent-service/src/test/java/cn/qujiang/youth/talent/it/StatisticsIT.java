package cn.qujiang.youth.talent.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.MeasurePublished.Mode;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.talent.ServiceZone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The officials' statistics and the audited full identity through the real service, tokens and database: what
 * each role may read, that a count follows the applications made and decided, that the Excel export carries the
 * same numbers, and that showing an identity leaves a trace in the timeline but not in the trace itself.
 */
class StatisticsIT extends TalentIntegrationTest {
    static final String ID_A = idNumber("33080320000315123");
    static final String ID_B = idNumber("33080319980707004");
    static final MeasurePublished STATS = measure("IT-STATS", 1, Mode.APPLY, LocalDate.of(2024, 1, 1), null, null,
            List.of(), 5);

    String a;
    String b;

    StatisticsIT(@LocalServerPort int port, MongoTemplate mongo, KafkaTemplate<String, String> kafka,
            OutboxRelay relay) {
        super(port, mongo, kafka, relay);
    }

    @BeforeEach
    void twoApplicationsOneApprovedOneRejected() {
        ensureCatalogue(STATS);
        a = subject(User.APPLICANT1);
        b = subject(User.APPLICANT2);
        createProfile(User.APPLICANT1, "张三", ID_A, "13812345678", "zhang@example.com");
        createProfile(User.APPLICANT2, "李四", ID_B, "13700001111", null);
        eligible(User.APPLICANT1, List.of(), "IT-STATS");
        eligible(User.APPLICANT2, List.of(), "IT-STATS");
        String approved = apply(User.APPLICANT1, "IT-STATS").json().get("id").asString();
        String rejected = apply(User.APPLICANT2, "IT-STATS").json().get("id").asString();
        assertThat(decide(User.HR1, approved, 1, "APPROVE", "CRITERIA_MET").status()).isEqualTo(200);
        assertThat(decide(User.HR1, rejected, 1, "REJECT", "CRITERIA_NOT_MET").status()).isEqualTo(200);
    }

    @Test
    void bothKindsOfOfficerReadTheCountsAndNobodyElse() {
        for (User officer : List.of(User.HR1, User.ADMIN1)) {
            Http.Response answer = http.get("/api/talent/statistics/uptake").token(token(officer)).send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode row = measureRow(answer.json(), "IT-STATS");
            assertThat(row.get("title").asString()).isEqualTo("政策IT-STATS");
            assertThat(row.get("categoryLabel").asString()).isEqualTo("安居");
            assertThat(List.of(row.get("eligible").asLong(), row.get("applied").asLong(), row.get("approved").asLong(),
                    row.get("rejected").asLong())).containsExactly(2L, 2L, 1L, 1L);
            assertThat(row.get("medianWorkingDays").asDouble()).isEqualTo(0.0);
            assertThat(row.get("amountGranted").asLong()).isEqualTo(3000);
            assertThat(row.get("unitLabel").asString()).isEqualTo("元");
            assertThat(answer.body()).as("counts only: no applicant, no name, no identity")
                    .doesNotContain(a, b, "张三", "李四", ID_A, ID_B, "13812345678");
        }
        assertThat(http.get("/api/talent/statistics/uptake").token(token(User.APPLICANT1)).send().status())
                .isEqualTo(403);
        assertThat(http.get("/api/talent/statistics/uptake").send().status()).isEqualTo(401);
    }

    @Test
    void aPeriodCountsWhatHappenedInItAndABackwardsOneIsRefusedInWords() {
        LocalDate tomorrow = LocalDate.now(ServiceZone.ZONE).plusDays(1);
        JsonNode later = http.get("/api/talent/statistics/uptake?from=" + tomorrow + "&to=" + tomorrow)
                .token(token(User.HR1)).send().json();
        JsonNode row = measureRow(later, "IT-STATS");
        assertThat(List.of(row.get("eligible").asLong(), row.get("applied").asLong(), row.get("approved").asLong()))
                .as("eligible is today's; nothing was applied for or decided tomorrow").containsExactly(2L, 0L, 0L);
        Http.Response backwards = http.get("/api/talent/statistics/uptake?from=" + tomorrow + "&to="
                + tomorrow.minusDays(2)).token(token(User.HR1)).send();
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("code").asString()).isEqualTo("PERIOD_INVALID");
        assertThat(backwards.json().get("detail").asString()).contains("开始日期不能晚于结束日期");
    }

    @Test
    void theExcelExportIsAnAttachmentWithTheSameNumbersAndHeadingsInTheCallersLanguage() throws IOException {
        HttpResponse<byte[]> export = http.get("/api/talent/statistics/uptake/export").token(token(User.ADMIN1))
                .header("Accept-Language", "en").sendForBytes();
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains(".xlsx");
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet measures = book.getSheetAt(0);
            assertThat(measures.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Eligible today");
            Row row = StreamSupport.stream(measures.spliterator(), false)
                    .filter(candidate -> candidate.getCell(1) != null
                            && "IT-STATS".equals(candidate.getCell(1).getStringCellValue()))
                    .findFirst().orElseThrow();
            assertThat(List.of(row.getCell(3).getNumericCellValue(), row.getCell(4).getNumericCellValue(),
                    row.getCell(5).getNumericCellValue(), row.getCell(6).getNumericCellValue(),
                    row.getCell(10).getNumericCellValue())).containsExactly(2.0, 2.0, 1.0, 1.0, 3000.0);
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("yuan");
        }
    }

    @Test
    void anOfficerSeesTheFullIdentityOnPurposeAndTheTimelineShowsWhoAndWhen() {
        String id = http.get("/api/talent/review/applications?status=APPROVED&measure=IT-STATS")
                .token(token(User.HR1)).send().json().get("items").get(0).get("id").asString();
        for (User other : List.of(User.ADMIN1, User.APPLICANT1)) {
            assertThat(http.post("/api/talent/review/applications/" + id + "/identity", null).token(token(other))
                    .send().status()).as(other.name()).isEqualTo(403);
        }
        assertThat(mongo.findAll(Document.class, "identity_disclosures")).isEmpty();

        Http.Response shown = http.post("/api/talent/review/applications/" + id + "/identity", null)
                .token(token(User.HR1)).send();
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(shown.json().get("idNumber").asString()).isEqualTo(ID_A);
        assertThat(shown.json().get("birthDate").asString()).isEqualTo("2000-03-15");
        assertThat(shown.header("Cache-Control").orElseThrow()).contains("no-store");

        List<Document> trail = mongo.findAll(Document.class, "identity_disclosures");
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).getString("applicationId")).isEqualTo(id);
        assertThat(trail.get(0).getString("byName")).isEqualTo("hr1");
        assertThat(trail.get(0).toJson()).as("the trace holds no identity").doesNotContain(ID_A, "2000-03-15", a);

        JsonNode detail = http.get("/api/talent/review/applications/" + id).token(token(User.HR2)).send().json();
        assertThat(detail.get("identityDisclosures")).hasSize(1);
        assertThat(detail.get("identityDisclosures").get(0).get("byName").asString()).isEqualTo("hr1");
        assertThat(detail.toString()).as("the detail stays masked").doesNotContain(ID_A);
        assertThat(http.post("/api/talent/review/applications/unknown/identity", null).token(token(User.HR1)).send()
                .status()).isEqualTo(404);
    }

    @Test
    void anErasedApplicantsApplicationAndDecisionStayCountedButNoLongerEligible() {
        assertThat(http.delete("/api/talent/me").token(token(User.APPLICANT1)).send().status()).isEqualTo(204);
        JsonNode row = measureRow(http.get("/api/talent/statistics/uptake").token(token(User.HR1)).send().json(),
                "IT-STATS");
        assertThat(List.of(row.get("eligible").asLong(), row.get("applied").asLong(), row.get("approved").asLong(),
                row.get("rejected").asLong())).as("the acts happened; the eligible count is today's")
                .containsExactly(1L, 2L, 1L, 1L);
        assertThat(row.get("amountGranted").asLong()).isEqualTo(3000);
    }

    private static JsonNode measureRow(JsonNode report, String code) {
        return StreamSupport.stream(report.get("measures").spliterator(), false)
                .filter(row -> code.equals(row.get("measureCode").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + code + " in " + report));
    }
}
