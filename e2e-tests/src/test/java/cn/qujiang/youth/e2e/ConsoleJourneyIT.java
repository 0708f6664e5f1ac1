package cn.qujiang.youth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * HR officers' journeys through the console in Chromium (1440×900, zh-CN) against the whole stack: the realm's real
 * login page, the gateway, talent-service. Each step asserts what the officer reads; no code ever reaches the
 * screen; screenshots of every screen land in target/screenshots/console-*.png. Residents act through the API; in
 * the casework journeys each has a name of their own, so that the officer can tell their rows apart (the console
 * masks names to the first character).
 */
@ExtendWith(Browsing.PerJourney.class)
@Order(7)
class ConsoleJourneyIT {
    /** 一对一就业指导: a job seeker aged 16–35 may apply; no other journey applies for it. */
    private static final String COACHING = "QJY-06";
    private static final String COACHING_TITLE = "一对一就业指导";
    /** 体育场馆青年优惠: offered without application (免申即享) to residents aged 18–35. */
    private static final String SPORTS = "QJY-36";
    private static final String SPORTS_TITLE = "体育场馆青年优惠";

    @Test
    void anOfficerSignsInFindsAnApplicationTakesItApprovesItAndConfirmsOffersInBulk(Desk desk) {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1999, 6, 1));
        String applicationId = applyForCoaching(applicant);

        Page page = desk.open("/queue").page;
        desk.signInOnKeycloak("hr1", "Hrofficer1pass");

        // The queue: titles and statuses in words, counted, with the working-day countdown. (The casework journeys'
        // residents apply for the same measure under names of their own.)
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("审核队列"))).isVisible();
        Locator row = row(page, COACHING_TITLE, "测***");
        assertThat(row).containsText("待审核");
        assertThat(row).containsText("测***");
        assertThat(row).containsText(Pattern.compile("剩 \\d+ 个工作日|今天到期"));
        assertThat(page.getByText(Pattern.compile("待审核（\\d+）"))).isVisible();
        assertThat(page.getByText("当前用户：hr1")).isVisible();
        desk.shot("queue");
        ResidentWords.assertNoCodes(desk.text());

        // The application: masked identity with an age, the facts and every condition in words.
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("办理")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(COACHING_TITLE))).isVisible();
        assertThat(page.getByText(Pattern.compile("^\\d+ 岁$")).first()).isVisible();
        assertThat(page.getByText("正在求职").first()).isVisible();
        assertThat(page.getByText("在校学生或正在求职").first()).isVisible();
        assertThat(page.getByText("符合条件", new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        assertThat(page.getByText("申请人：提交申请")).isVisible();
        assertThat(page.getByText(applicant.idNumber)).hasCount(0);
        desk.shot("detail");
        ResidentWords.assertNoCodes(desk.text());

        // Taken, so that no colleague works on it meanwhile; then approved with a reason the applicant reads.
        button(page, "我来办理").click();
        assertThat(page.getByText("由您办理中")).isVisible();
        page.getByText("通过", new Page.GetByTextOptions().setExact(true)).click();
        chooseReason(page, "符合全部条件");
        assertThat(page.getByText("中文：符合全部条件")).isVisible();
        assertThat(page.getByText("英文：All criteria met")).isVisible();
        page.getByLabel("经办意见（选填，申请人可见）").fill("材料齐全，安排下周首次指导");
        desk.shot("decide");
        button(page, "提交决定").click();
        assertThat(page.getByText("已通过，申请人会收到通知。")).isVisible();
        assertThat(page.getByText("意见：材料齐全，安排下周首次指导")).isVisible();
        assertThat(page.getByText(Pattern.compile("经办人员（hr1）：已通过"))).isVisible();
        desk.shot("approved");
        ResidentWords.assertNoCodes(desk.text());
        assertThat(applicant.http().get("/api/talent/me/applications/" + applicationId).json().path("status")
                .asString()).isEqualTo("APPROVED");

        // Back in the queue, it no longer waits.
        page.getByText("返回审核队列").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("审核队列"))).isVisible();
        assertThat(row(page, COACHING_TITLE, "测***")).hasCount(0);
        desk.shot("queue-after-approval");

        // 免申即享: the offer the district made to this resident is confirmed with everything else on the page.
        String offerId = Journeys.awaitOffer(applicant, SPORTS);
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("免申即享确认")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("免申即享确认"))).isVisible();
        assertThat(row(page, "体育场馆青年优惠")).isVisible();
        page.getByText("本页全选").click();
        Locator confirm = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^确认选中的 [1-9]\\d* 项$")));
        assertThat(confirm).isEnabled();
        desk.shot("offers");
        ResidentWords.assertNoCodes(desk.text());
        confirm.click();
        assertThat(page.getByText(Pattern.compile("已确认 [1-9]\\d* 项。"))).isVisible();
        desk.shot("offers-confirmed");
        assertThat(applicant.http().get("/api/talent/me/applications/" + offerId).json().path("status").asString())
                .isEqualTo("CONFIRMED");

        // The same console in English, for the officers who read it better.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("切换为英文界面")).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Review queue")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review queue"))).isVisible();
        assertThat(page.getByText(Pattern.compile("To review \\(\\d+\\)"))).isVisible();
        desk.shot("queue-en");
        ResidentWords.assertNoCodes(desk.text());
    }

    @Test
    void aDecisionAColleagueOvertookIsExplainedAndThePageShowsWhatIsTrueNow(Desk desk) {
        Applicant applicant = Applicant.bornOn(LocalDate.of(2000, 2, 14));
        String applicationId = applyForCoaching(applicant);

        Page page = desk.open("/applications/" + applicationId).page;
        desk.signInOnKeycloak("hr1", "Hrofficer1pass");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(COACHING_TITLE))).isVisible();
        page.getByText("不通过", new Page.GetByTextOptions().setExact(true)).click();
        chooseReason(page, "不符合条件");

        // Meanwhile hr2 asks the applicant for documents.
        JsonNode seen = Staff.as("hr2", "Hrofficer2pass").get("/api/talent/review/applications/" + applicationId).json();
        Http.Reply colleague = Staff.as("hr2", "Hrofficer2pass").post("/api/talent/review/applications/"
                + applicationId + "/decision", Map.of("version", seen.path("version").asLong(),
                "decision", "REQUEST_INFO", "reasonCode", "DOCUMENTS_MISSING", "comment", "请补充身份证复印件"));
        assertThat(colleague.status()).as(colleague.toString()).isEqualTo(200);

        button(page, "提交决定").click();
        assertThat(page.getByText("其他经办人员已处理此申请，页面已刷新为最新状态，请核对后再操作。")).isVisible();
        assertThat(page.getByText("待补充材料", new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        assertThat(page.getByText(Pattern.compile("经办人员（hr2）：待补充材料"))).isVisible();
        desk.shot("stale-decision");
        ResidentWords.assertNoCodes(desk.text());
        assertThat(applicant.http().get("/api/talent/me/applications/" + applicationId).json().path("status")
                .asString()).isEqualTo("INFO_REQUESTED");
    }

    @Test
    void someoneWithoutTheOfficerRoleIsToldPlainlyThatTheyHaveNoAccess(Desk desk) {
        Applicant resident = Applicant.bornOn(LocalDate.of(2001, 9, 9));
        Page page = desk.open("/queue").page;
        desk.signInOnKeycloak(resident.username, resident.password);
        assertThat(page.getByText("没有审核权限")).isVisible();
        assertThat(page.getByText(Pattern.compile("您登录的账号 " + resident.username + " 没有经办人员权限"))).isVisible();
        assertThat(page.getByRole(AriaRole.ROW)).hasCount(0);
        desk.shot("no-access");
    }

    @Test
    void anOfficerAsksForADocumentTheResidentSendsItAndTheOfficerApprovesIt(Desk desk) {
        Applicant resident = Applicant.bornOn(LocalDate.of(1998, 3, 3));
        String applicationId = apply(resident, "郑晓光", COACHING);

        // A link with the queue's filters in it shows the queue filtered.
        Page page = desk.open("/queue?measure=" + COACHING).page;
        desk.signInOnKeycloak("hr1", "Hrofficer1pass");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("审核队列"))).isVisible();
        Locator row = row(page, "郑**");
        assertThat(row).containsText(COACHING_TITLE);
        assertThat(row).containsText("待审核");
        assertThat(row).containsText("未领取");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(SPORTS_TITLE)))
                .hasCount(0);
        assertThat(page.getByText(COACHING)).hasCount(0); // the filter names the measure by its title
        desk.shot("casework-queue-filtered");
        ResidentWords.assertNoCodes(desk.text());

        // The application with its trace; taken, then documents asked for with a comment naming the document.
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("办理")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(COACHING_TITLE))).isVisible();
        assertThat(page.getByText("符合条件", new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        assertThat(page.getByText("在校学生或正在求职").first()).isVisible();
        desk.shot("casework-trace");
        ResidentWords.assertNoCodes(desk.text());
        button(page, "我来办理").click();
        assertThat(page.getByText("由您办理中")).isVisible();
        page.getByText("要求补充材料", new Page.GetByTextOptions().setExact(true)).click();
        chooseReason(page, "材料不全");
        assertThat(page.getByText("中文：材料不全")).isVisible();
        page.getByLabel("经办意见（选填，申请人可见）").fill("请补充高校毕业证书的照片或扫描件");
        desk.shot("casework-request-info");
        button(page, "提交决定").click();
        assertThat(page.getByText("待补充材料", new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        assertThat(page.getByText(Pattern.compile("经办人员（hr1）：待补充材料"))).isVisible();
        assertThat(page.getByText("意见：请补充高校毕业证书的照片或扫描件")).isVisible();
        desk.shot("casework-info-requested");
        ResidentWords.assertNoCodes(desk.text());

        // The resident sends the certificate with the application and resubmits it.
        JsonNode mine = resident.http().get("/api/talent/me/applications/" + applicationId).json();
        assertThat(mine.path("status").asString()).isEqualTo("INFO_REQUESTED");
        Http.Reply uploaded = resident.http().upload("/api/talent/me/applications/" + applicationId + "/documents",
                "other", "毕业证书.png", "image/png", Journeys.photo());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        Http.Reply resubmitted = resident.http().post("/api/talent/me/applications/" + applicationId + "/resubmit",
                Map.of());
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);

        // Back in the queue (as it was left, filter and all), it waits again; a reload shows the same.
        page.getByText("返回审核队列").click();
        assertThat(page).hasURL(Pattern.compile("/queue\\?measure=" + COACHING + "$"));
        page.reload();
        row = row(page, "郑**");
        assertThat(row).containsText("待审核");
        desk.shot("casework-queue-resubmitted");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("办理")).click();
        assertThat(page.getByText("申请人：补充材料后重新提交")).isVisible();
        button(page, "我来办理").click();
        page.getByText("通过", new Page.GetByTextOptions().setExact(true)).click();
        chooseReason(page, "符合全部条件");
        button(page, "提交决定").click();
        assertThat(page.getByText("已通过，申请人会收到通知。")).isVisible();
        assertThat(page.getByText(Pattern.compile("经办人员（hr1）：已通过"))).isVisible();
        desk.shot("casework-approved");
        ResidentWords.assertNoCodes(desk.text());
        assertThat(resident.http().get("/api/talent/me/applications/" + applicationId).json().path("status")
                .asString()).isEqualTo("APPROVED");
    }

    @Test
    void offersAreRejectedInBulkAndTheOneAColleagueConfirmedMeanwhileIsNamed(Desk desk) {
        Applicant song = Applicant.bornOn(LocalDate.of(2000, 4, 4));
        Applicant han = Applicant.bornOn(LocalDate.of(2001, 5, 5));
        Journeys.saveProfileAndAwaitMatches(song, named(song, "宋小雨"));
        Journeys.saveProfileAndAwaitMatches(han, named(han, "韩冬"));
        String songOffer = Journeys.awaitOffer(song, SPORTS);
        String hanOffer = Journeys.awaitOffer(han, SPORTS);

        Page page = desk.open("/offers").page;
        desk.signInOnKeycloak("hr1", "Hrofficer1pass");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("免申即享确认"))).isVisible();
        turnPagesUntilVisible(page, row(page, "宋**"));
        page.getByLabel("选择 宋** 的 " + SPORTS_TITLE).check();
        page.getByLabel("选择 韩* 的 " + SPORTS_TITLE).check();

        // Meanwhile hr2 confirms 韩冬's offer.
        Http.Reply colleague = Staff.as("hr2", "Hrofficer2pass").post("/api/talent/review/offers/confirm",
                Map.of("ids", java.util.List.of(hanOffer)));
        assertThat(colleague.status()).as(colleague.toString()).isEqualTo(200);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("驳回选中的 2 项")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("驳回选中的 2 项");
        dialog.getByText("选择原因", new Locator.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("该政策已有申请").setExact(true)).click();
        assertThat(dialog.getByText("中文：该政策已有申请")).isVisible();
        assertThat(dialog.getByText(Pattern.compile("^英文："))).isVisible();
        desk.shot("offers-reject-dialog");
        ResidentWords.assertNoCodes(dialog.innerText());
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("驳回 2 项")).click();

        assertThat(page.getByText("已驳回 1 项。以下 1 项未作更改：")).isVisible();
        assertThat(page.getByText("韩*（" + SPORTS_TITLE + "）：已由其他经办人员确认")).isVisible();
        assertThat(row(page, "宋**")).hasCount(0);
        desk.shot("offers-rejected");
        ResidentWords.assertNoCodes(desk.text());
        assertThat(song.http().get("/api/talent/me/applications/" + songOffer).json().path("status").asString())
                .isEqualTo("REJECTED");
        assertThat(han.http().get("/api/talent/me/applications/" + hanOffer).json().path("status").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void anOfficerHandsAnApplicationToAColleagueWhoFindsItAmongTheirOwn(Desk desk) {
        Staff.as("hr2", "Hrofficer2pass").get("/api/talent/review/applications"); // hr2 has used the console
        Applicant resident = Applicant.bornOn(LocalDate.of(1997, 7, 7));
        String applicationId = apply(resident, "冯一帆", COACHING);

        Page page = desk.open("/applications/" + applicationId).page;
        desk.signInOnKeycloak("hr1", "Hrofficer1pass");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(COACHING_TITLE))).isVisible();
        page.getByText("选择经办人员", new Page.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("hr2").setExact(true)).click();
        button(page, "转交").click();
        assertThat(page.getByText("hr2 正在办理此申请，您暂时不能作出决定。")).isVisible();
        desk.shot("casework-assigned");
        ResidentWords.assertNoCodes(desk.text());
        Locator handover = page.getByText("hr1 转交给 hr2");
        assertThat(handover).isVisible();
        desk.centre(handover);
        desk.shot("casework-handover-in-history");

        page.getByText("返回审核队列").click();
        assertThat(row(page, COACHING_TITLE, "冯**")).containsText("hr2 办理中");

        button(page, "退出登录").click();
        desk.signInOnKeycloak("hr2", "Hrofficer2pass");
        page.navigate(desk.url("/queue?mine=1"));
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("我办理的"))).isChecked();
        Locator row = row(page, COACHING_TITLE, "冯**");
        assertThat(row).containsText(COACHING_TITLE);
        assertThat(row).containsText("hr2 办理中");
        // the count beside 全部待办 is of hr2's applications, like the list
        long mine = Staff.as("hr2", "Hrofficer2pass").get("/api/talent/review/applications?mine=true").json()
                .path("total").asLong();
        assertThat(page.getByText("全部待办（" + mine + "）", new Page.GetByTextOptions().setExact(true))).isVisible();
        desk.shot("casework-mine");
        ResidentWords.assertNoCodes(desk.text());
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("办理")).click();
        assertThat(page.getByText("由您办理中")).isVisible();
        page.getByText("通过", new Page.GetByTextOptions().setExact(true)).click();
        chooseReason(page, "符合全部条件");
        button(page, "提交决定").click();
        assertThat(page.getByText(Pattern.compile("经办人员（hr2）：已通过"))).isVisible();
        assertThat(resident.http().get("/api/talent/me/applications/" + applicationId).json().path("status")
                .asString()).isEqualTo("APPROVED");
    }

    /** A job seeker with a name of their own, eligible for the measure, documents uploaded; applied. */
    private static String apply(Applicant resident, String name, String measureCode) {
        JsonNode matches = Journeys.saveProfileAndAwaitMatches(resident, named(resident, name));
        assertThat(Journeys.result(matches, measureCode).path("outcome").asString()).isEqualTo("ELIGIBLE");
        Journeys.uploadRequiredDocuments(resident, measureCode);
        Http.Reply submitted = resident.http().post("/api/talent/me/applications", Map.of("measureCode", measureCode));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().path("id").asString();
    }

    private static Map<String, Object> named(Applicant resident, String name) {
        Map<String, Object> profile = resident.jobSeekerProfile(null);
        profile.put("name", name);
        return profile;
    }

    /** Offers are paged by due date; other journeys' offers may come first. */
    private static void turnPagesUntilVisible(Page page, Locator wanted) {
        for (int turns = 0; turns < 20 && wanted.count() == 0; turns++) {
            Locator next = page.locator("button.btn-next");
            if (next.count() == 0 || next.isDisabled()) {
                break;
            }
            next.click();
            page.waitForTimeout(300);
        }
        assertThat(wanted).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
    }

    private static String applyForCoaching(Applicant applicant) {
        return Journeys.applyAsJobSeeker(applicant, COACHING);
    }

    /** Opens the decision's list of reasons by its prompt and picks one, as an officer does. */
    private static void chooseReason(Page page, String reason) {
        page.getByText("请选择原因", new Page.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(reason).setExact(true)).click();
    }

    /** The first row showing every one of these texts. */
    private static Locator row(Page page, String... texts) {
        Locator rows = page.getByRole(AriaRole.ROW);
        for (String text : texts) {
            rows = rows.filter(new Locator.FilterOptions().setHasText(text));
        }
        return rows.first();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
