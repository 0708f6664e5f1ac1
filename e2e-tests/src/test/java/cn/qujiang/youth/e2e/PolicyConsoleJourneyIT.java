package cn.qujiang.youth.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Policy officers' journey through the console in Chromium (1280×800, zh-CN) against the whole stack: admin1 drafts
 * a narrower age limit for a measure, sees a rule error at the rule while typing, fixes it with the completion, sees
 * the worked examples agree, the diff and the impact preview, and cannot approve; admin2 approves and publishes and
 * watches the re-match finish; the preview's numbers are what the re-match did. Screenshots in
 * target/screenshots/console-policy-*.png.
 */
@ExtendWith(Browsing.PerJourney.class)
@Order(8)
class PolicyConsoleJourneyIT {
    /** 青年文化卡: residents aged 18–35; no other journey changes it. */
    private static final String CULTURE = "QJY-37";
    private static final String CULTURE_TITLE = "青年文化卡";
    private static final String NARROWER = "applicant.age >= 18 && applicant.age <= 30";

    @Test
    void aDraftIsCheckedAtTheRulePreviewedApprovedByASecondOfficerAndPublishedAsPreviewed(Desk desk) {
        LocalDate today = LocalDate.now();
        Applicant young = resident(today.minusYears(25));
        List<Applicant> older = List.of(resident(today.minusYears(32)), resident(today.minusYears(34)));

        Page page = desk.sized(1280, 800).open("/measures").page;
        desk.signInOnKeycloak("admin1", "Policyadmin1pass");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("政策管理"))).isVisible();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(CULTURE_TITLE));
        assertThat(row).containsText("第 1 版");
        assertThat(row).containsText("生效中");
        assertThat(row).containsText("无草稿");
        assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("审核队列"))).hasCount(0);
        desk.shot("policy-measures");
        ResidentWords.assertNoCodes(desk.text());

        // The draft: the age rule typed with a mistake is refused at the rule, as the officer types.
        row.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByText("目前没有草稿。")).isVisible();
        desk.shot("policy-measure");
        button(page, "起草新版本").click();
        assertThat(page.getByText("您正在以当前发布的第 1 版为基础起草新版本，保存后即生成草稿。")).isVisible();
        Locator age = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^条件 1")));
        Locator rule = age.getByLabel("规则（CEL 表达式）");
        rule.fill("applicant.age >= 18 && applicant.age <=");
        assertThat(age.getByText("规则无法编译")).isVisible();
        assertThat(age.getByText(Pattern.compile("第 1 行第 \\d+ 列：mismatched input"))).isVisible();
        assertThat(page.getByText("规则全部能编译后，示例会自动运行。")).isVisible();
        desk.centre(rule);
        desk.shot("policy-rule-error");

        // Fixed with the fact vocabulary's completion: the examples run again and agree.
        rule.fill("applicant.age >= 18 && applicant.");
        rule.press("End");
        rule.pressSequentially("ag");
        Locator option = age.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText("年龄")).first();
        assertThat(option).isVisible();
        desk.shot("policy-completion");
        rule.press("Enter");
        rule.pressSequentially(" <= 30");
        assertThat(rule).hasValue(NARROWER);
        assertThat(age.getByText("规则无法编译")).hasCount(0);
        assertThat(page.getByText("与规则一致")).hasCount(3);
        assertThat(page.getByText("与规则不一致")).hasCount(0);
        assertThat(page.getByText("预期：符合条件（300）").first()).isVisible();
        desk.shot("policy-editor");
        // Each worked example is a form: the facts the rules read first, each with an input of its type.
        Locator example = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^示例")))
                .first();
        assertThat(example.getByText("规则用到").first()).isVisible();
        assertThat(example.getByLabel(Pattern.compile("^年龄"))).isVisible();
        desk.centre(example);
        desk.shot("policy-example-form");
        ResidentWords.assertNoCodes(example.innerText());
        button(page, "保存草稿").click();

        // The diff and the impact preview, and no approval for the author.
        assertThat(page.getByText("第 1 稿，admin1 于", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.getByText("您编辑过这份草稿，须由另一位政策管理员审核后才能发布。")).isVisible();
        assertThat(button(page, "审核通过")).hasCount(0);
        Locator diff = card(page, "与已发布版本的差异");
        assertThat(diff).containsText("条件“年龄18至35周岁”的规则");
        assertThat(diff).containsText(NARROWER);
        Locator impactCard = card(page, "影响预估");
        assertThat(impactCard.getByText(Pattern.compile("^计算于"))).isVisible();
        JsonNode impact = Staff.admin1().get("/api/policy/admin/measures/" + CULTURE + "/draft/impact").json()
                .path("impact");
        long loses = impact.path("loseEligibility").asLong();
        long eligibleAfter = Journeys.stream(impact.path("outcomes"))
                .filter(outcome -> outcome.path("outcome").asString().equals("ELIGIBLE")).findFirst().orElseThrow()
                .path("after").asLong();
        assertThat(loses).isGreaterThanOrEqualTo(older.size());
        assertThat(impactCard).containsText(Pattern.compile("不再符合条件\\s*" + loses + " 人"));
        assertThat(impactCard).containsText(Pattern.compile("新增符合条件\\s*0 人"));
        assertThat(impactCard.getByText(Pattern.compile("年龄18至35周岁：符合 → 不符合（年龄：3[1-5] 岁）")).first())
                .isVisible();
        desk.centre(impactCard);
        desk.shot("policy-impact");
        ResidentWords.assertNoCodes(impactCard.innerText());
        ResidentWords.assertNoCodes(card(page, "草稿").innerText());

        // admin2 approves, then publishes, and sees the re-match through.
        button(page, "退出登录").click();
        desk.signInOnKeycloak("admin2", "Policyadmin2pass");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("政策管理"))).isVisible();
        row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(CULTURE_TITLE));
        assertThat(row).containsText("第 1 稿，待审核");
        row.getByRole(AriaRole.BUTTON).click();
        assertThat(impactCard.getByText(Pattern.compile("^计算于"))).isVisible();
        assertThat(impactCard).containsText(Pattern.compile("不再符合条件\\s*" + loses + " 人"));
        button(page, "审核通过").click();
        assertThat(page.getByText("已审核通过，可以发布。")).isVisible();
        assertThat(page.getByText(Pattern.compile("admin2 于 .* 审核通过"))).isVisible();
        desk.shot("policy-approved");
        button(page, "发布为第 2 版").click();
        // "re-matching…" turns into "finished" once every applicant is matched again, and then goes away
        Locator finished = page.getByText(Pattern.compile("已发布，[\\d,]+ 位申请人已全部按新版本重新匹配。"));
        assertThat(finished).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.getByText(Pattern.compile("重新匹配已完成，[\\d,]+ 位申请人的结果均已按最新政策更新。"))).isVisible();
        assertThat(page.getByText("已发布，系统正在为所有申请人重新匹配。")).hasCount(0);
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("第 2 版")))
                .containsText("admin2");
        assertThat(page.getByText("admin2：发布第 2 版")).isVisible();
        desk.shot("policy-published");
        assertThat(finished).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        ResidentWords.assertNoCodes(card(page, "版本记录").innerText());

        // What the preview said is what happened.
        JsonNode eligible = Staff.hr1().get("/api/policy/measures/" + CULTURE + "/eligible?size=1").json();
        assertThat(eligible.path("total").asLong()).isEqualTo(eligibleAfter);
        for (Applicant resident : older) {
            await().atMost(Journeys.ASYNC).untilAsserted(() -> assertThat(Journeys.result(
                    resident.http().get("/api/talent/me/matches").json(), CULTURE).path("outcome").asString())
                    .isEqualTo("INELIGIBLE"));
        }
        assertThat(Journeys.result(young.http().get("/api/talent/me/matches").json(), CULTURE).path("outcome")
                .asString()).isEqualTo("ELIGIBLE");
    }

    /** A resident living in Qujiang (the culture card's other condition), of the given birth date. */
    private static Applicant resident(LocalDate birthDate) {
        Applicant applicant = Applicant.bornOn(birthDate.minusDays(10));
        JsonNode matches = Journeys.saveProfileAndAwaitMatches(applicant, applicant.jobSeekerProfile(null));
        assertThat(Journeys.result(matches, CULTURE).path("outcome").asString()).isEqualTo("ELIGIBLE");
        return applicant;
    }

    private static Locator card(Page page, String heading) {
        return page.locator(".el-card").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName(heading).setExact(true))));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
