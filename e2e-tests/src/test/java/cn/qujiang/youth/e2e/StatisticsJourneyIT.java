package cn.qujiang.youth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The officials' side of the console at 1280×800 (zh-CN) against the whole stack: a policy officer reads the uptake
 * that this journey's own applications produced and downloads the same table as Excel, which opens with Apache POI
 * with the same numbers; an HR officer looks at an applicant's full identity on purpose, and the application's
 * history shows it. Screenshots: target/screenshots/console-statistics*.png, console-identity*.png.
 */
@ExtendWith(Browsing.PerJourney.class)
@Order(8)
class StatisticsJourneyIT {
    /** 一对一就业指导: job seekers aged 16–35 may apply. */
    private static final String COACHING = "QJY-06";
    private static final String COACHING_TITLE = "一对一就业指导";
    private static final String UPTAKE = "/api/talent/statistics/uptake";

    @Test
    void aPolicyOfficerSeesTheUptakeTheseApplicationsProducedAndExportsTheSameNumbers(Desk desk) throws IOException {
        Counts before = Counts.of(Staff.admin1().get(UPTAKE).json());
        Applicant approved = Applicant.bornOn(LocalDate.of(1999, 5, 5));
        Applicant rejected = Applicant.bornOn(LocalDate.of(2000, 7, 7));
        Applicant eligibleOnly = Applicant.bornOn(LocalDate.of(2001, 8, 8));
        decide(applyForCoaching(approved), "APPROVE", "CRITERIA_MET");
        decide(applyForCoaching(rejected), "REJECT", "CRITERIA_NOT_MET");
        Journeys.saveProfileAndAwaitMatches(eligibleOnly, eligibleOnly.jobSeekerProfile(null));
        Counts after = Counts.of(Staff.admin1().get(UPTAKE).json());
        assertThat(after.minus(before)).as("what this journey did, and nothing else")
                .isEqualTo(new Counts(3, 2, 1, 1));

        desk.page.setViewportSize(1280, 800);
        Page page = desk.open("/statistics").page;
        desk.signInOnKeycloak("admin1", "Policyadmin1pass");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("政策兑现统计"))).isVisible();
        assertThat(page.getByText("当前用户：admin1")).isVisible();
        // a policy officer has no review queue
        assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("审核队列"))).hasCount(0);
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(COACHING_TITLE));
        assertThat(row).hasCount(1);
        assertThat(cells(row)).startsWith("就业", COACHING_TITLE, number(after.eligible()), number(after.applied()),
                number(after.approved()), number(after.rejected()));
        assertThat(page.getByText(java.util.regex.Pattern.compile("^目前符合条件 [\\d,]+ 人 → 已申请"))).isVisible();
        desk.shot("statistics");
        page.getByText("各分类兑现情况").scrollIntoViewIfNeeded();
        desk.shot("statistics-charts");
        desk.centre(row);
        desk.shot("statistics-measures");
        ResidentWords.assertNoCodes(desk.text());

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("导出 Excel")).click());
        assertThat(download.suggestedFilename()).matches("青年政策兑现统计_\\d{4}-01-01_\\d{4}-\\d{2}-\\d{2}\\.xlsx");
        Path saved = Path.of("target", "downloads", download.suggestedFilename());
        download.saveAs(saved);
        try (InputStream in = Files.newInputStream(saved); Workbook book = new XSSFWorkbook(in)) {
            Sheet measures = book.getSheet("按政策");
            assertThat(measures.getRow(2).getCell(3).getStringCellValue()).isEqualTo("目前符合条件（人）");
            Row coaching = StreamSupport.stream(measures.spliterator(), false)
                    .filter(r -> r.getCell(1) != null && COACHING.equals(r.getCell(1).getStringCellValue()))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + COACHING + " row in the workbook"));
            assertThat(coaching.getCell(2).getStringCellValue()).isEqualTo(COACHING_TITLE);
            assertThat(List.of(coaching.getCell(3).getNumericCellValue(), coaching.getCell(4).getNumericCellValue(),
                    coaching.getCell(5).getNumericCellValue(), coaching.getCell(6).getNumericCellValue()))
                    .as("the numbers on the screen").containsExactly((double) after.eligible(),
                            (double) after.applied(), (double) after.approved(), (double) after.rejected());
        }

        // The same dashboard in English.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("切换为英文界面")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Uptake of the measures")))
                .isVisible();
        desk.shot("statistics-en");
        ResidentWords.assertNoCodes(desk.text());
    }

    @Test
    void anHrOfficerSeesTheFullIdentityOnPurposeAndTheHistoryShowsIt(Desk desk) {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1998, 4, 3));
        String id = applyForCoaching(applicant);
        assertThat(Staff.admin1().post("/api/talent/review/applications/" + id + "/identity", Map.of()).status())
                .as("a policy officer may not").isEqualTo(403);

        desk.page.setViewportSize(1280, 800);
        Page page = desk.open("/applications/" + id).page;
        desk.signInOnKeycloak("hr1", "Hrofficer1pass");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(COACHING_TITLE))).isVisible();
        assertThat(page.getByText(applicant.idNumber)).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看完整身份信息…")).click();
        assertThat(page.getByText("本次查看会记录您的账号和时间", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        desk.shot("identity-confirm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认查看")).click();
        assertThat(page.getByText(applicant.idNumber)).isVisible();
        assertThat(page.getByText("1998年4月3日")).isVisible();
        assertThat(page.getByText("经办人员（hr1）：查看了完整身份信息")).isVisible();
        desk.shot("identity-shown");
        ResidentWords.assertNoCodes(desk.text());

        JsonNode detail = Staff.hr1().get("/api/talent/review/applications/" + id).json();
        assertThat(detail.path("identityDisclosures")).hasSize(1);
        assertThat(detail.toString()).as("the detail itself stays masked").doesNotContain(applicant.idNumber);
    }

    private static String applyForCoaching(Applicant applicant) {
        return Journeys.applyAsJobSeeker(applicant, COACHING);
    }

    private static void decide(String id, String decision, String reason) {
        JsonNode seen = Staff.hr1().get("/api/talent/review/applications/" + id).json();
        Http.Reply reply = Staff.hr1().post("/api/talent/review/applications/" + id + "/decision",
                Map.of("version", seen.path("version").asLong(), "decision", decision, "reasonCode", reason));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static List<String> cells(Locator row) {
        return row.locator("td").allInnerTexts().stream().map(String::strip).toList();
    }

    private static String number(long value) {
        return String.format("%,d", value);
    }

    /** The coaching measure's row of the statistics. */
    record Counts(long eligible, long applied, long approved, long rejected) {
        static Counts of(JsonNode report) {
            JsonNode row = Journeys.stream(report.path("measures"))
                    .filter(r -> COACHING.equals(r.path("measureCode").asString())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + COACHING + " in " + report));
            return new Counts(row.path("eligible").asLong(), row.path("applied").asLong(),
                    row.path("approved").asLong(), row.path("rejected").asLong());
        }

        Counts minus(Counts other) {
            return new Counts(eligible - other.eligible, applied - other.applied, approved - other.approved,
                    rejected - other.rejected);
        }
    }
}
