package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A young resident's journeys through the mobile app in a real browser against the whole stack: the real Keycloak
 * login page, the gateway, the services, Kafka and the SMTP server. Each asserts what the resident reads on the
 * screen; screenshots of every screen land in target/screenshots/.
 */
class MobileAppJourneyIT {
    /** Codes residents must never read: enum values, units and outcomes. */
    private static final List<String> CODES = List.of("CNY_PER_MONTH", "NIGHT", "BACHELOR", "JOB_SEEKING",
            "OUT_OF_PROVINCE", "NEEDS_INFO", "ELIGIBLE", "INELIGIBLE", "APPROVED", "SUBMITTED", "true", "false", "null",
            "undefined");

    @Test
    void anyoneChecksWhatMayFitWithoutSigningIn() {
        try (Phone phone = Phone.open("calculator")) {
            Page page = phone.page;
            PlaywrightAssertions.assertThat(page.getByText("3 分钟看看您能享受哪些政策")).isVisible();
            phone.shot("home");
            page.getByText("开始测算").click();

            page.getByLabel("您的年龄").fill("26");
            choose(page, "目前的工作状态", "正在求职");
            choose(page, "现在是否住在衢江区", "是");
            choose(page, "是否第一次来衢江区求职或创业", "是");
            phone.shot("calculator-answers");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看测算结果")).click();

            PlaywrightAssertions.assertThat(page.getByText("测算结果").first()).isVisible();
            PlaywrightAssertions.assertThat(page.getByText("青年驿站免费住宿").first()).isVisible();
            PlaywrightAssertions.assertThat(page.getByText("免费住宿 7 晚").first()).isVisible();
            PlaywrightAssertions.assertThat(page.getByText("想保存这些答案吗？")).isVisible();
            phone.shot("calculator-results");
            assertNoCodes(phone);
        }
    }

    @Test
    void aResidentCompletesTheProfileAppliesAndReadsTheDecision() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(2000, 5, 1));
        try (Phone phone = Phone.open("apply")) {
            Page page = phone.page;
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
            phone.signInOnKeycloak(applicant.username, applicant.password);

            // No profile yet: the matches screen asks for one.
            page.getByText("填写个人资料").click();
            PlaywrightAssertions.assertThat(page.getByText("已完成 0 / 6 项")).isVisible();
            phone.shot("profile-tasks-empty");

            page.getByText("基本信息").click();
            page.getByLabel("姓名").fill("测试青年");
            page.getByLabel("身份证号码").fill(applicant.idNumber);
            page.getByLabel("手机号码").fill(applicant.phone);
            phone.shot("step-basic");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("继续")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("返回资料清单")).click();

            page.getByText("住房和户籍").click();
            choose(page, "户籍所在地", "浙江省外");
            choose(page, "现在是否住在衢江区", "是");
            choose(page, "是否第一次来衢江区求职或创业", "是");
            phone.shot("step-housing");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("继续")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("返回资料清单")).click();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存")).click();
            PlaywrightAssertions.assertThat(page.getByText("个人信息保护说明")).isVisible();
            PlaywrightAssertions.assertThat(page.getByText("浙江省外")).isVisible();
            phone.shot("check-answers");
            page.getByText("我已阅读并同意以上说明").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存资料")).click();

            // A partial profile: the youth station needs the employment status, and says where to give it.
            Locator needsInfo = page.getByText("需补充信息").first();
            needsInfo.waitFor();
            phone.shot("matches-partial");
            expandGroup(page, "需补充信息");
            Locator lodging = page.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText("青年驿站免费住宿"));
            PlaywrightAssertions.assertThat(lodging.getByText("补充这些资料后就能判断：")).isVisible();
            lodging.scrollIntoViewIfNeeded();
            phone.shot("needs-info-with-links");
            lodging.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("就业状态")).click();

            choose(page, "目前的工作状态", "正在求职");
            phone.shot("step-work");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("继续")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("返回资料清单")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查并保存")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存资料")).click();

            // Complete enough: eligible, the benefit and every criterion in words.
            Locator eligibleLodging = page.getByRole(AriaRole.ARTICLE)
                    .filter(new Locator.FilterOptions().setHasText("青年驿站免费住宿"))
                    .filter(new Locator.FilterOptions().setHasText("免费住宿 7 晚"));
            PlaywrightAssertions.assertThat(eligibleLodging.getByText("就业状态：正在求职")).isVisible();
            phone.shot("matches-eligible");
            assertNoCodes(phone);

            eligibleLodging.getByText("青年驿站免费住宿").first().click();
            PlaywrightAssertions.assertThat(page.getByText("团区委")).isVisible();
            phone.shot("measure-detail");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即申请")).click();
            PlaywrightAssertions.assertThat(page.getByText("已提交").first()).isVisible();
            phone.shot("application-submitted");
            String applicationId = page.url().substring(page.url().lastIndexOf('/') + 1);

            approveAsOfficer(applicationId);
            await().atMost(Journeys.ASYNC).untilAsserted(() -> {
                page.reload();
                PlaywrightAssertions.assertThat(page.getByText("已通过").first()).isVisible();
            });
            PlaywrightAssertions.assertThat(page.getByText("办理进度")).isVisible();
            phone.shot("application-approved");
            assertNoCodes(phone);

            page.navigate(phone.url("/inbox"));
            await().atMost(Journeys.ASYNC).untilAsserted(() -> {
                page.reload();
                PlaywrightAssertions.assertThat(page.getByText("青年驿站免费住宿").first()).isVisible();
                assertThat(phone.text()).contains("审核通过");
            });
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.TAB,
                    new Page.GetByRoleOptions().setName(Pattern.compile("消息，\\d+ 条未读")))).isVisible();
            phone.shot("inbox");
        }
    }

    @Test
    void aResidentAcceptsAnOfferSetsQuietHoursExportsAndErases() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1998, 3, 15));
        Map<String, Object> profile = applicant.identity();
        profile.put("residence", Map.of("residesInQujiang", true, "firstTimeInQujiang", false));
        Journeys.saveProfileAndAwaitMatches(applicant, profile);
        // The sports venue discount is granted without an application (免申即享): offered, then confirmed by HR.
        String offerId = awaitOffer(applicant, "QJY-36");
        Http.Reply confirmed = Staff.hr1().post("/api/talent/review/offers/confirm", Map.of("ids", List.of(offerId)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

        try (Phone phone = Phone.open("offer-settings-data")) {
            Page page = phone.page;
            page.navigate(phone.url("/applications"));
            phone.signInOnKeycloak(applicant.username, applicant.password);
            Locator offer = page.getByText("体育场馆青年优惠").first();
            offer.waitFor();
            phone.shot("offer-waiting");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接受").setExact(true)).click();
            PlaywrightAssertions.assertThat(page.getByText("已通过").first()).isVisible();
            phone.shot("offer-accepted");

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("我的").setExact(true)).click();
            page.getByText("消息设置").click();
            Locator quiet = page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("开启免打扰时段"));
            PlaywrightAssertions.assertThat(quiet).isChecked();
            quiet.click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
            PlaywrightAssertions.assertThat(page.getByText("已保存")).isVisible();
            phone.shot("quiet-hours-off");
            page.reload();
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.SWITCH,
                    new Page.GetByRoleOptions().setName("开启免打扰时段"))).not().isChecked();
            assertThat(applicant.http().get("/api/notifications/me/preferences").json()
                    .path("smsQuietHours").path("enabled").asBoolean()).isFalse();

            page.navigate(phone.url("/me/data"));
            Download download = page.waitForDownload(() ->
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下载我的数据")).click());
            String exported = read(download);
            assertThat(exported).contains("测试青年", applicant.idNumber, "QJY-36");
            phone.shot("data-downloaded");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("删除我的数据…")).click();
            PlaywrightAssertions.assertThat(page.getByText("删除后无法恢复。")).isVisible();
            Locator erase = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("永久删除"));
            PlaywrightAssertions.assertThat(erase).isDisabled();
            page.getByText("我已了解，删除后无法恢复").click();
            phone.shot("erase-confirmation");
            erase.click();
            PlaywrightAssertions.assertThat(page.getByText("已全部删除").first()).isVisible();
            phone.shot("erased");
        }
        assertThat(applicant.http().get("/api/talent/me/profile").status()).isEqualTo(404);
    }

    /** Picks an answer of a yes/no or few-choices question, found by the question the resident reads. */
    private static void choose(Page page, String question, String answer) {
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(question))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(answer).setExact(true)).click();
    }

    private static void expandGroup(Page page, String group) {
        Locator header = page.getByRole(AriaRole.BUTTON).filter(new Locator.FilterOptions().setHasText(group)).first();
        if (!"true".equals(header.getAttribute("aria-expanded"))) {
            header.click();
        }
    }

    private static void assertNoCodes(Phone phone) {
        String text = phone.text();
        for (String code : CODES) {
            assertThat(text).as("the screen shows the code %s", code).doesNotContainPattern("\\b" + code + "\\b");
        }
    }

    private static void approveAsOfficer(String applicationId) {
        Http hr = Staff.hr1();
        JsonNode application = hr.get("/api/talent/review/applications/" + applicationId).json();
        Http.Reply decided = hr.post("/api/talent/review/applications/" + applicationId + "/decision",
                Map.of("version", application.path("version").asLong(), "decision", "APPROVE",
                        "reasonCode", "CRITERIA_MET", "comment", "材料齐全"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }

    private static String awaitOffer(Applicant applicant, String measureCode) {
        String[] id = new String[1];
        await().atMost(Journeys.ASYNC).untilAsserted(() -> {
            JsonNode mine = applicant.http().get("/api/talent/me/applications").json();
            JsonNode offer = Journeys.stream(mine.has("applications") ? mine.path("applications") : mine)
                    .filter(a -> measureCode.equals(a.path("measureCode").asString()))
                    .findFirst().orElseThrow(() -> new AssertionError("no offer yet: " + mine));
            id[0] = offer.path("id").asString();
        });
        return id[0];
    }

    private static String read(Download download) {
        try {
            return Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
