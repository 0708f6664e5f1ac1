package cn.qujiang.youth.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.ApplicationDecided.Decision;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.notification.GoldenEvents;
import cn.qujiang.youth.notification.message.Message;
import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import cn.qujiang.youth.notification.message.MessageKind;
import com.samskivert.mustache.Mustache;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.mustache.autoconfigure.MustacheResourceTemplateLoader;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every message kind renders in both languages, on every channel, from the template files. */
class MessageTemplatesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private final MessageTemplates templates = templates();

    static MessageTemplates templates() {
        ResourceBundleMessageSource labels = new ResourceBundleMessageSource();
        labels.setBasenames("messages");
        labels.setDefaultEncoding("UTF-8");
        labels.setFallbackToSystemLocale(false);
        return new MessageTemplates(
                Mustache.compiler().withLoader(new MustacheResourceTemplateLoader("classpath:/templates/", ".mustache")),
                labels);
    }

    static Message newlyEligible() {
        return Message.newlyEligible(GoldenEvents.read(EventType.MATCHES_EVALUATED, MatchesEvaluated.class)).orElseThrow();
    }

    static Message submitted() {
        return Message.submitted(GoldenEvents.read(EventType.APPLICATION_SUBMITTED, ApplicationSubmitted.class));
    }

    static Message decided(Decision decision, String reasonCode) {
        ApplicationDecided golden = GoldenEvents.read(EventType.APPLICATION_DECIDED, ApplicationDecided.class);
        return Message.decided(new ApplicationDecided(golden.applicationId(), golden.applicantId(),
                golden.measureCode(), golden.measureTitle(), decision, reasonCode, golden.decidedAt()));
    }

    static Stream<Arguments> everyKindInBothLanguages() {
        return Stream.of(newlyEligible(), submitted(), decided(Decision.APPROVED, "CRITERIA_MET"),
                        decided(Decision.REJECTED, "CRITERIA_NOT_MET"), decided(Decision.INFO_REQUESTED, "DOCUMENTS_MISSING"))
                .flatMap(message -> Stream.of(Arguments.of(message, ZH), Arguments.of(message, EN)));
    }

    @ParameterizedTest
    @MethodSource("everyKindInBothLanguages")
    void everyChannelRendersCompletelyFromTheFiles(Message message, Locale locale) {
        RenderedEmail email = templates.email(message, locale, "张三");
        RenderedInApp inApp = templates.inApp(message, locale);
        String sms = templates.sms(message, locale, "青年衢江", 70);

        String title = locale == EN ? "Free lodging at youth stations" : "青年驿站免费住宿";
        assertThat(List.of(email.subject(), email.text(), email.html(), inApp.title(), inApp.body(), sms))
                .allSatisfy(text -> assertThat(text).isNotBlank().doesNotContain("{{").doesNotContain("null"));
        assertThat(email.text()).contains(title).contains("张三");
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains(title).contains("张三");
        assertThat(inApp.body()).contains(title);
        assertThat(sms).startsWith("【青年衢江】").contains(title).doesNotContain("\n");
        // One 70-character segment in Chinese; English titles alone can be that long, so at most two segments.
        assertThat(sms.codePointCount(0, sms.length())).isLessThanOrEqualTo(locale == EN ? 2 * 67 : 70);
        assertThat(email.subject()).doesNotContain("\n");
        assertThat(inApp.title()).isEqualTo(email.subject());
    }

    @Test
    void newlyEligibleListsMeasuresWithAmountsAndUnits() {
        Message message = newlyEligible();

        assertThat(templates.email(message, ZH, null).subject()).isEqualTo("您新符合1项青年政策");
        assertThat(templates.email(message, ZH, null).text()).contains("您好：").contains("· 青年驿站免费住宿：7晚")
                .doesNotContain("高校毕业生生活补贴");
        assertThat(templates.email(message, EN, null).subject()).isEqualTo("You now qualify for a new youth measure");
        assertThat(templates.email(message, EN, null).text()).startsWith("Hello,")
                .contains("- Free lodging at youth stations: 7 nights");
        assertThat(templates.sms(message, ZH, "青年衢江", 70))
                .isEqualTo("【青年衢江】您新符合1项政策：青年驿站免费住宿(7晚)，详见青年衢江App。");
        assertThat(templates.inApp(message, EN).body()).contains("Free lodging at youth stations (7 nights)");
    }

    @Test
    void aLongListIsCutToOneSmsSegmentWithTheTotal() {
        Message message = new Message(MessageKind.NEWLY_ELIGIBLE, List.of(
                measure("QJY-01", "青年驿站免费住宿", 7L, "NIGHT"),
                measure("QJY-05", "人才公寓租金减免", 50L, "PERCENT"),
                measure("QJY-12", "高校毕业生生活补贴", 1000L, "YUAN_PER_MONTH"),
                measure("QJY-20", "电商创业一次性补贴", 10000L, "YUAN")), null);

        String sms = templates.sms(message, ZH, "青年衢江", 70);

        assertThat(sms.length()).isLessThanOrEqualTo(70);
        assertThat(sms).startsWith("【青年衢江】您新符合4项政策：青年驿站免费住宿(7晚)、").contains("等4项")
                .endsWith("，详见青年衢江App。").doesNotContain("电商创业一次性补贴");
        assertThat(templates.email(message, ZH, null).text()).contains("高校毕业生生活补贴：1,000元/月")
                .contains("电商创业一次性补贴：10,000元");
        assertThat(templates.email(message, EN, null).text()).contains("CNY 1,000 a month");
    }

    /**
     * The units the shipped catalogue really uses read as words in both languages (a missing one showed as
     * "2,000 CNY_PER_MONTH" in residents' inboxes). Until this service renders from policy-service's vocabulary,
     * the catalogue files are read directly.
     */
    @Test
    void everyUnitOfTheShippedCatalogueReadsAsWords() throws java.io.IOException {
        java.util.Set<String> units = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../policy-engine/src/main/resources/catalogue"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                java.util.regex.Matcher unit = java.util.regex.Pattern.compile("unit: ([A-Z_]+)")
                        .matcher(java.nio.file.Files.readString(file));
                while (unit.find()) {
                    units.add(unit.group(1));
                }
            }
        }
        assertThat(units).contains("CNY_PER_MONTH", "NIGHT");
        for (String unit : units) {
            Message message = new Message(MessageKind.NEWLY_ELIGIBLE, List.of(measure("QJY-02", "就业见习补贴", 2000L, unit)), null);
            assertThat(templates.inApp(message, ZH).body()).as(unit).doesNotContain(unit);
            // Unknown units fall back to "amount CODE"; English may legitimately say "CNY 2,000".
            assertThat(templates.inApp(message, EN).body()).as(unit).doesNotContain("2,000 " + unit);
        }
    }

    @Test
    void aMeasureWithoutAmountOrWithAnUnknownUnitStillReads() {
        Message message = new Message(MessageKind.NEWLY_ELIGIBLE, List.of(
                measure("QJY-30", "青年夜校", null, null), measure("QJY-31", "文旅消费券", 3L, "VOUCHER")), null);

        assertThat(templates.email(message, ZH, null).text()).contains("· 青年夜校\n").contains("· 文旅消费券：3 VOUCHER");
        assertThat(templates.inApp(message, ZH).body()).contains("青年夜校、文旅消费券（3 VOUCHER）");
    }

    @Test
    void decisionsSayWhatHappenedAndWhy() {
        assertThat(templates.email(decided(Decision.APPROVED, "CRITERIA_MET"), ZH, null).subject())
                .isEqualTo("申请已通过：青年驿站免费住宿");
        RenderedEmail rejected = templates.email(decided(Decision.REJECTED, "QUOTA_EXHAUSTED"), ZH, null);
        assertThat(rejected.subject()).isEqualTo("申请未通过：青年驿站免费住宿");
        assertThat(rejected.text()).contains("原因：该政策名额已满。");
        assertThat(templates.email(decided(Decision.REJECTED, "QUOTA_EXHAUSTED"), EN, null).text())
                .contains("Reason: the quota of the measure is used up.");
        assertThat(templates.sms(decided(Decision.INFO_REQUESTED, "DOCUMENTS_MISSING"), ZH, "青年衢江", 70))
                .isEqualTo("【青年衢江】您申请的“青年驿站免费住宿”需补充材料：缺少必要材料，请在青年衢江App补充。");
        assertThat(templates.email(decided(Decision.INFO_REQUESTED, "DOCUMENTS_MISSING"), EN, null).subject())
                .isEqualTo("More information needed: Free lodging at youth stations");
        assertThat(templates.inApp(decided(Decision.REJECTED, "SOMETHING_NEW"), ZH).body())
                .contains("原因：原因代码 SOMETHING_NEW");
        assertThat(templates.inApp(decided(Decision.REJECTED, null), EN).body())
                .isEqualTo("Your application for \"Free lodging at youth stations\" has not been approved.");
    }

    @Test
    void submissionGivesTheDueDateInTheReadersForm() {
        assertThat(templates.email(submitted(), ZH, null).text()).contains("工作人员将于2026年3月5日前答复");
        assertThat(templates.email(submitted(), EN, null).text()).contains("An officer will answer by March 5, 2026");
        assertThat(templates.sms(submitted(), ZH, "青年衢江", 70))
                .isEqualTo("【青年衢江】您申请的“青年驿站免费住宿”已受理，将于2026年3月5日前答复。");
    }

    @Test
    void htmlIsEscapedAndTextIsNot() {
        Message message = Message.decided(new ApplicationDecided("app-1", "a-1", "QJY-99",
                LocalizedText.of("<b>租房</b> & 补贴", "<b>Rent</b> & aid"), Decision.APPROVED, null, Instant.now()));

        RenderedEmail email = templates.email(message, ZH, "<script>");

        assertThat(email.html()).contains("&lt;b&gt;租房&lt;/b&gt; &amp; 补贴").contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(email.text()).contains("<b>租房</b> & 补贴");
        assertThat(templates.sms(message, ZH, "青年衢江", 70)).contains("<b>租房</b> & 补贴");
    }

    @Test
    void anyOtherLanguageFallsBackToChinese() {
        assertThat(templates.email(submitted(), Locale.FRENCH, null).subject()).isEqualTo("已收到您的申请：青年驿站免费住宿");
        assertThat(templates.email(submitted(), null, null).subject()).isEqualTo("已收到您的申请：青年驿站免费住宿");
    }

    @Test
    void smsParametersFillAProviderTemplate() {
        assertThat(templates.smsParameters(newlyEligible(), ZH)).containsEntry("count", "1")
                .containsEntry("measure", "青年驿站免费住宿");
        assertThat(templates.smsParameters(decided(Decision.REJECTED, "QUOTA_EXHAUSTED"), EN))
                .containsEntry("measure", "Free lodging at youth stations").containsEntry("decision", "REJECTED")
                .containsEntry("reason", "the quota of the measure is used up");
    }

    private static EligibleMeasure measure(String code, String zh, Long amount, String unit) {
        return new EligibleMeasure(code, LocalizedText.of(zh, zh), amount, unit);
    }
}
