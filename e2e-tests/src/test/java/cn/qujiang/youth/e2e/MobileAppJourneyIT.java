package cn.qujiang.youth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.infra.KeycloakTokens;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A young resident's journeys through the mobile app in Chromium against the whole stack: the realm's real login and
 * registration pages, the gateway, the services, Kafka. Each step asserts what the resident reads on the screen, and
 * screenshots of every screen land in target/screenshots/&lt;journey&gt;/.
 */
@ExtendWith(Phone.PerJourney.class)
@Order(4)
class MobileAppJourneyIT {
    private static final String PROFILE = "**/api/talent/me/profile";

    @Test
    void anyoneChecksWhatMayFitWithoutSigningIn(Phone phone) {
        Page page = phone.open().page;
        assertThat(page.getByText("3 分钟看看您能享受哪些政策")).isVisible();
        assertThat(page.getByText("共 40 项")).isVisible();
        phone.shot("home");
        page.getByText("开始测算").click();

        page.getByLabel("您的年龄").fill("26");
        choose(page, "户籍所在地", "浙江省外");
        choose(page, "现在是否住在衢江区", "是");
        choose(page, "是否第一次来衢江区求职或创业", "是");
        choose(page, "目前的工作状态", "正在求职");
        phone.shot("calculator-answers");
        button(page, "查看测算结果").click();

        // Grouped, counted, and every benefit in words: nights, yuan, a discount.
        assertThat(page.getByText("测算结果").first()).isVisible();
        assertThat(groupHeader(page, "可申请")).containsText(Pattern.compile("\\d+ 项"));
        assertThat(groupHeader(page, "需补充信息")).containsText(Pattern.compile("\\d+ 项"));
        Locator lodging = card(page, "青年驿站免费住宿");
        assertThat(lodging).containsText("免费住宿 7 晚");
        assertThat(lodging).containsText("就业状态：正在求职");
        assertThat(card(page, "青年文化卡")).containsText("价值 300 元");
        assertThat(card(page, "青年公交卡优惠")).containsText("5 折优惠");
        phone.shot("calculator-results");
        ResidentWords.assertNoCodes(phone.text());

        phone.centre(page.getByText("想保存这些答案吗？"));
        assertThat(button(page, "注册并保存答案")).isVisible();
        assertThat(button(page, "已有账号，登录")).isVisible();
        phone.shot("calculator-keep-answers");
    }

    @Test
    void aResidentRegistersCompletesTheProfileAppliesAndReadsTheDecision(Phone phone) {
        Applicant applicant = Applicant.notYetRegistered(LocalDate.of(2000, 5, 1));
        Page page = phone.open("/calculator").page;
        choose(page, "户籍所在地", "浙江省外");
        choose(page, "现在是否住在衢江区", "是");
        choose(page, "是否第一次来衢江区求职或创业", "是");
        button(page, "查看测算结果").click();
        button(page, "注册并保存答案").click();
        phone.registerOnKeycloak(applicant);

        // Back in the app, signed up: the calculator's answers already fill in part of the profile.
        assertThat(page.getByText("已完成 0 / 6 项")).isVisible();
        assertThat(row(page, "住房和户籍")).containsText("部分填写");
        phone.shot("profile-from-calculator");
        page.getByText("基本信息").click();
        page.getByLabel("姓名").fill("测试青年");
        page.getByLabel("身份证号码").fill(applicant.idNumber);
        page.getByLabel("手机号码").fill(applicant.phone);
        phone.shot("step-basic");
        button(page, "继续").click();
        button(page, "返回资料清单").click();
        button(page, "检查并保存").click();

        assertThat(page.getByText("浙江省外")).isVisible();
        Locator consent = page.getByText("我已阅读并同意以上说明");
        phone.centre(consent);
        assertThat(page.getByText("个人信息保护说明")).isVisible();
        phone.shot("check-and-consent");
        consent.click();
        button(page, "保存资料").click();

        // A partial profile: the youth station cannot be judged without the employment status, and says where to give it.
        assertThat(groupHeader(page, "需补充信息")).isVisible();
        phone.shot("matches-partial");
        expand(groupHeader(page, "需补充信息"));
        Locator lodging = card(page, "青年驿站免费住宿");
        assertThat(lodging).containsText("补充这些资料后就能判断：");
        phone.centre(lodging);
        phone.shot("needs-info-with-links");
        ResidentWords.assertNoCodes(phone.text());
        lodging.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("就业状态")).click();

        choose(page, "目前的工作状态", "正在求职");
        phone.shot("step-work");
        button(page, "继续").click();
        button(page, "返回资料清单").click();
        button(page, "检查并保存").click();

        // The service sheds load just as the resident saves: nothing is sent again behind their back, and the app
        // says that nothing was saved and when to try again (the server's Retry-After as a time).
        page.route(PROFILE, route -> {
            if (!route.request().method().equals("PUT")) {
                route.fallback();
                return;
            }
            route.fulfill(new Route.FulfillOptions().setStatus(503).setContentType("application/problem+json")
                    .setHeaders(Map.of("Retry-After", "30", "Access-Control-Allow-Origin", phone.origin(),
                            "Access-Control-Expose-Headers", "Retry-After"))
                    .setBody("{\"status\":503,\"code\":\"OVERLOADED\",\"detail\":\"服务繁忙，请稍后重试。\"}"));
        });
        button(page, "保存资料").click();
        Locator busy = page.getByText(Pattern.compile("服务繁忙，刚才的操作没有完成。请在 \\d{2}:\\d{2}:\\d{2}（约 30 秒后）再试一次。"));
        assertThat(busy).isVisible();
        phone.centre(busy);
        phone.shot("save-busy");
        page.unroute(PROFILE);
        button(page, "保存资料").click();

        // Complete enough: eligible, with the benefit and every criterion in words.
        Locator eligible = card(page, "青年驿站免费住宿").filter(new Locator.FilterOptions().setHasText("就业状态：正在求职"));
        assertThat(eligible).containsText("免费住宿 7 晚");
        assertThat(groupHeader(page, "可申请")).containsText(Pattern.compile("\\d+ 项"));
        assertThat(card(page, "青年文化卡")).containsText("价值 300 元");
        phone.shot("matches-eligible");
        ResidentWords.assertNoCodes(phone.text());

        eligible.getByText("青年驿站免费住宿").first().click();
        assertThat(page.getByText("您符合全部条件")).isVisible();
        assertThat(page.getByText("团区委")).isVisible();
        phone.shot("measure-detail");
        ResidentWords.assertNoCodes(phone.text());
        button(page, "立即申请").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("办理进度").setExact(true)))
                .isVisible();
        assertThat(page.getByText("已提交", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText("提交申请")).isVisible();
        phone.shot("application-submitted");
        String applicationId = page.url().substring(page.url().lastIndexOf('/') + 1);

        approveAsOfficer(applicationId);
        await().atMost(Journeys.ASYNC).untilAsserted(() -> assertThat(Journeys.inbox(applicant))
                .anyMatch(message -> message.path("title").asString().contains("申请已通过")));
        page.reload();
        assertThat(page.getByText("已通过", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText("审核通过")).isVisible();
        assertThat(page.getByText("经办人员留言：材料齐全")).isVisible();
        phone.shot("application-approved");
        ResidentWords.assertNoCodes(phone.text());

        // The tab bar counts the unread messages; the resident opens them.
        page.navigate(phone.url("/applications"));
        Locator inboxTab = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^消息，\\d+ 条未读$")));
        assertThat(inboxTab).isVisible();
        phone.shot("applications-with-unread-badge");
        inboxTab.click();
        assertThat(page.getByText("申请已通过：青年驿站免费住宿")).isVisible();
        assertThat(page.getByText(Pattern.compile("\\d+ 条未读")).first()).isVisible();
        phone.shot("inbox");
        ResidentWords.assertNoCodes(phone.text());
    }

    @Test
    void aResidentAcceptsAnOfferInOneTap(Phone phone) {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1998, 3, 15));
        // 体育场馆青年优惠 (QJY-36) is granted without an application (免申即享) to anyone 18–35 living in the district.
        Map<String, Object> profile = applicant.identity();
        profile.put("residence", Map.of("residesInQujiang", true, "firstTimeInQujiang", false));
        Journeys.saveProfileAndAwaitMatches(applicant, profile);
        String offerId = Journeys.awaitOffer(applicant, "QJY-36");
        Http.Reply confirmed = Staff.hr1().post("/api/talent/review/offers/confirm", Map.of("ids", List.of(offerId)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

        Page page = phone.open("/applications").page;
        phone.signInOnKeycloak(applicant.username, applicant.password);
        Locator offer = card(page, "体育场馆青年优惠");
        assertThat(offer).containsText("免申即享");
        assertThat(offer).containsText("区里已确认您可以享受这项政策，请确认是否领取。");
        phone.shot("offer-to-confirm");
        ResidentWords.assertNoCodes(phone.text());

        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("接受").setExact(true)).click();
        assertThat(page.getByText("已办结")).isVisible();
        assertThat(row(page, "体育场馆青年优惠")).containsText("已通过");
        phone.shot("offer-accepted");
        page.getByText("体育场馆青年优惠").click();
        assertThat(page.getByText("您已接受")).isVisible();
        assertThat(page.getByText("区里已确认，等您接受")).isVisible();
        phone.shot("offer-timeline");
        ResidentWords.assertNoCodes(phone.text());
    }

    @Test
    void aResidentChangesQuietHoursDownloadsTheirDataAndErasesIt(Phone phone) {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1999, 8, 20));
        Journeys.applyAsJobSeeker(applicant, "QJY-06");
        String received = await().atMost(Journeys.ASYNC).until(() -> Journeys.inbox(applicant).stream()
                .map(message -> message.path("title").asString())
                .filter(title -> title.startsWith("已收到您的申请")).findFirst().orElse(null), Objects::nonNull);

        Page page = phone.open("/me").page;
        button(page, "登录").click();
        phone.signInOnKeycloak(applicant.username, applicant.password);
        page.navigate(phone.url("/inbox"));
        assertThat(page.getByText(received)).isVisible();
        page.navigate(phone.url("/me"));
        page.getByText("消息设置").click();

        // Text messages keep quiet from 22:00 by default; the resident goes to bed later.
        page.getByLabel("开始时间 22:00").click();
        assertThat(page.getByText("选择开始时间")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("23").setExact(true)).first().click();
        phone.shot("quiet-hours-picker");
        button(page, "确定").click();
        button(page, "保存").click();
        assertThat(page.getByText("已保存")).isVisible();
        phone.shot("quiet-hours-saved");
        page.reload();
        Locator from = page.getByLabel("开始时间 23:00");
        assertThat(from).isVisible();
        assertThat(page.getByLabel("结束时间 次日 08:00")).isVisible();
        phone.centre(from);
        phone.shot("quiet-hours-after-reload");
        assertThat(applicant.http().get("/api/notifications/me/preferences").json()
                .path("smsQuietHours").path("from").asString()).startsWith("23:00");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("返回").setExact(true)).click();
        page.getByText("我的数据").click();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("下载我的数据").setExact(true)).click());
        String data = read(download);
        assertThat(data).contains("测试青年", applicant.idNumber);
        // What notification-service holds is in the file too: the message read, the quiet hours set.
        JsonNode notifications = Http.JSON.readTree(data).path("notifications");
        assertThat(Journeys.stream(notifications.path("inbox")).map(message -> message.path("title").asString()))
                .contains(received);
        assertThat(notifications.path("preferences").path("smsQuietHours").path("from").asString())
                .startsWith("23:00");
        assertThat(Journeys.stream(notifications.path("deliveries")).map(sent -> sent.path("template").asString()))
                .contains("application-submitted");
        assertThat(page.getByText(Pattern.compile("已开始下载：.+\\.json"))).isVisible();
        phone.shot("data-downloaded");

        String tokenBefore = applicant.token();
        button(page, "删除我的数据…").click();
        assertThat(page.getByText("删除后无法恢复。")).isVisible();
        Locator erase = button(page, "永久删除");
        assertThat(erase).isDisabled();
        page.getByText("我已了解，删除后无法恢复").click();
        assertThat(erase).isEnabled();
        phone.shot("erase-confirmation");
        erase.click();

        // Signed out, on the home screen, told that everything is gone.
        assertThat(page.getByText("您的资料、申请记录、匹配结果和消息已全部删除")).isVisible();
        assertThat(button(page, "登录")).isVisible();
        phone.shot("erased");
        assertThat(Http.as(() -> tokenBefore).get("/api/talent/me/profile").status()).isEqualTo(404);
        // The Keycloak account went with the data: the old password no longer signs in.
        assertThatThrownBy(() -> E2eStack.get().keycloak().tokens().password(KeycloakTokens.TEST_CLIENT,
                applicant.username, applicant.password)).isInstanceOf(RuntimeException.class);
    }

    /** Picks an answer of a yes/no or few-choices question, found by the question the resident reads. */
    private static void choose(Page page, String question, String answer) {
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(question))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(answer).setExact(true)).click();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The header of a group of results ("可申请 9 项"), which folds the group. */
    private static Locator groupHeader(Page page, String group) {
        return page.getByRole(AriaRole.BUTTON).filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*" + group + "\\s*\\d+ 项"))).first();
    }

    /** The card of one measure: a match result, or an offer to confirm. */
    private static Locator card(Page page, String measureTitle) {
        return page.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText(measureTitle)).first();
    }

    /** A row of a list that opens something (a profile step, an application). */
    private static Locator row(Page page, String title) {
        return page.getByRole(AriaRole.BUTTON).filter(new Locator.FilterOptions().setHasText(title)).first();
    }

    private static void expand(Locator header) {
        if (!"true".equals(header.getAttribute("aria-expanded"))) {
            header.click();
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

    private static String read(Download download) {
        try {
            return Files.readString(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
