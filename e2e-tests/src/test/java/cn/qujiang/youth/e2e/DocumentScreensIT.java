package cn.qujiang.youth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proof documents on the screens: the resident uploads them on the phone (a refused file explained in words, the
 * list present / missing in words) and applies; the officer previews one in the console, which records the view,
 * and returns another with a reason the resident then reads. Screenshots in target/screenshots/.
 */
@ExtendWith(Browsing.PerJourney.class)
@Order(8)
class DocumentScreensIT {
    private static final String RENT = "QJY-17";
    private static final String RENT_TITLE = "青年人才租房补贴";
    private static final List<String> NEEDED = List.of("身份证", "学历证书", "房屋租赁合同");

    @Test
    void aResidentUploadsOnThePhoneReadsARefusalInWordsAndApplies(Phone phone) {
        Page page = phone.page;
        rentSubsidyInMatches(phone, LocalDate.of(1996, 2, 2)).getByText(RENT_TITLE).first().click();

        Locator summary = page.getByText("还需上传 3 项：身份证、学历证书、房屋租赁合同");
        assertThat(summary).isVisible();
        phone.centre(summary);
        phone.shot("documents-missing");
        ResidentWords.assertNoCodes(phone.text());

        document(page, "身份证").locator("input[type=file]").setInputFiles(new FilePayload("身份证.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        Locator refusal = page.getByText("只能上传 PDF 文件或 JPEG、PNG、HEIC 格式的照片。");
        assertThat(refusal).isVisible();
        phone.centre(refusal);
        phone.shot("document-refused");

        for (String name : NEEDED) {
            document(page, name).locator("input[type=file]").setInputFiles(new FilePayload(name + ".png", "image/png",
                    Journeys.photo()));
            assertThat(document(page, name)).containsText("已上传，待审核");
        }
        Locator complete = page.getByText("材料已齐全。");
        assertThat(complete).isVisible();
        phone.centre(complete);
        phone.shot("documents-complete");
        ResidentWords.assertNoCodes(phone.text());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即申请").setExact(true)).click();
        // the application's own screen, not the measure's 「查看办理进度」 shown the moment the application exists
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("办理进度").setExact(true)))
                .isVisible();
        Locator onApplication = page.getByText("材料已齐全。");
        assertThat(onApplication).isVisible();
        phone.centre(onApplication);
        phone.shot("application-documents");
    }

    @Test
    void aDocumentsListThatCouldNotBeReadSaysSoAndTheRetryReadsIt(Phone phone) {
        Page page = phone.page;
        Locator rent = rentSubsidyInMatches(phone, LocalDate.of(1997, 3, 3));

        phone.disconnect("/api/talent/me/measures/" + RENT + "/documents");
        rent.getByText(RENT_TITLE).first().click();
        Locator panel = page.locator(".documents");
        assertThat(panel).containsText("申请材料");
        assertThat(panel).containsText("网络不太顺畅，请检查网络后重试。");
        phone.centre(panel);
        phone.shot("documents-unread");
        ResidentWords.assertNoCodes(phone.text());

        phone.reconnect();
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("重试")).click();
        assertThat(page.getByText("还需上传 3 项：身份证、学历证书、房屋租赁合同")).isVisible();
    }

    @Test
    void anOfficerPreviewsADocumentReturnsAnotherAndTheViewIsRecorded(Desk desk) {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1995, 7, 7));
        Journeys.saveProfileAndAwaitMatches(applicant, BenefitEndJourneyIT.employedRenter(applicant));
        Journeys.uploadRequiredDocuments(applicant, RENT);
        Http.Reply submitted = applicant.http().post("/api/talent/me/applications", Map.of("measureCode", RENT));
        String id = submitted.json().path("id").asString();

        Page page = desk.open("/applications/" + id).page;
        desk.signInOnKeycloak("hr1", "Hrofficer1pass");
        Locator card = page.locator(".el-card").filter(new Locator.FilterOptions().setHasText("查阅记录"));
        assertThat(card).containsText("待核验");
        assertThat(card).containsText("尚无人查看材料。");
        desk.centre(card);
        desk.shot("documents");

        row(card, "身份证").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("查看")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("身份证"))).isVisible();
        desk.shot("document-preview");
        page.keyboard().press("Escape");
        assertThat(card).containsText("hr1 于");
        assertThat(card).containsText("查看了 身份证");

        row(card, "房屋租赁合同").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("退回")).click();
        page.getByLabel("退回理由（申请人可见）").fill("租赁合同缺少出租人签字页");
        desk.shot("document-return");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认退回")).click();
        assertThat(card).containsText("退回理由：租赁合同缺少出租人签字页");
        assertThat(card).containsText("缺少：房屋租赁合同");
        row(card, "身份证").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("合格")).click();
        assertThat(row(card, "身份证")).containsText("合格");
        desk.centre(card);
        desk.shot("documents-reviewed");
        ResidentWords.assertNoCodes(desk.text());
    }

    /** A new employed renter born on {@code birthDate}, signed in on the phone: the rent subsidy among the matches. */
    private static Locator rentSubsidyInMatches(Phone phone, LocalDate birthDate) {
        Applicant applicant = Applicant.bornOn(birthDate);
        Journeys.saveProfileAndAwaitMatches(applicant, BenefitEndJourneyIT.employedRenter(applicant));
        phone.open("/matches");
        phone.signInOnKeycloak(applicant.username, applicant.password);
        Locator rent = phone.page.getByRole(AriaRole.ARTICLE)
                .filter(new Locator.FilterOptions().setHasText(RENT_TITLE)).first();
        assertThat(rent).isVisible();
        return rent;
    }

    private static Locator document(Page page, String name) {
        return page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(name)).first();
    }

    private static Locator row(Locator card, String name) {
        return card.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name)).first();
    }
}
