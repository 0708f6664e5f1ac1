package cn.qujiang.youth.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.ApplicationDecided.Decision;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.BenefitEnded;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /** The catalogue as the title replica holds it; QJY-77 has not been published yet. */
    private static final Map<String, LocalizedText> CATALOGUE = Map.of(
            "QJY-01", LocalizedText.of("青年驿站免费住宿", "Free lodging at youth stations"),
            "QJY-05", LocalizedText.of("人才公寓租金减免", "Talent apartment rent reduction"),
            "QJY-12", LocalizedText.of("高校毕业生生活补贴", "Living allowance for graduates"),
            "QJY-20", LocalizedText.of("电商创业一次性补贴", "E-commerce start-up grant"),
            "QJY-30", LocalizedText.of("青年夜校", "Youth evening school"),
            "QJY-31", LocalizedText.of("文旅消费券", "Culture and tourism vouchers"));

    private final MessageTemplates templates = templates();

    static MessageTemplates templates() {
        ResourceBundleMessageSource labels = new ResourceBundleMessageSource();
        labels.setBasenames("messages");
        labels.setDefaultEncoding("UTF-8");
        labels.setFallbackToSystemLocale(false);
        return new MessageTemplates(
                Mustache.compiler().withLoader(new MustacheResourceTemplateLoader("classpath:/templates/", ".mustache")),
                labels, codes -> codes.stream().filter(CATALOGUE::containsKey)
                        .collect(Collectors.toMap(Function.identity(), CATALOGUE::get)));
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

    /** The golden BenefitEnded, about the youth station so that every kind names the same measure. */
    static Message ended(BenefitEnded.Cause cause, String reasonCode) {
        BenefitEnded golden = GoldenEvents.read(EventType.BENEFIT_ENDED, BenefitEnded.class);
        return Message.benefitEnded(new BenefitEnded(golden.applicationId(), golden.applicantId(), "QJY-01",
                LocalizedText.of("青年驿站免费住宿", "Free lodging at youth stations"), cause, reasonCode,
                golden.grantedFrom(), golden.grantedUntil(), golden.endedOn(), golden.endedAt()));
    }

    static Stream<Arguments> everyKindInBothLanguages() {
        return Stream.of(newlyEligible(), submitted(), decided(Decision.APPROVED, "CRITERIA_MET"),
                        decided(Decision.REJECTED, "CRITERIA_NOT_MET"), decided(Decision.INFO_REQUESTED, "DOCUMENTS_MISSING"),
                        ended(BenefitEnded.Cause.ENDED_BY_OFFICER, "FALSE_MATERIALS"),
                        ended(BenefitEnded.Cause.EXPIRED, "TERM_EXPIRED"))
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
        assertThat(templates.email(message, ZH, null).text()).contains("您好：").contains("· 青年驿站免费住宿：7 晚")
                .doesNotContain("高校毕业生生活补贴");
        assertThat(templates.email(message, EN, null).subject()).isEqualTo("You now qualify for a new youth measure");
        assertThat(templates.email(message, EN, null).text()).startsWith("Hello,")
                .contains("- Free lodging at youth stations: 7 night(s)");
        assertThat(templates.sms(message, ZH, "青年衢江", 70))
                .isEqualTo("【青年衢江】您新符合1项政策：青年驿站免费住宿(7 晚)，详见青年衢江App。");
        assertThat(templates.inApp(message, EN).body()).contains("Free lodging at youth stations (7 night(s))");
    }

    @Test
    void aLongListIsCutToOneSmsSegmentWithTheTotal() {
        Message message = new Message(MessageKind.NEWLY_ELIGIBLE, List.of(
                new EligibleMeasure("QJY-01", 7L, "NIGHT"),
                new EligibleMeasure("QJY-05", 50L, "PERCENT"),
                new EligibleMeasure("QJY-12", 1000L, "CNY_PER_MONTH"),
                new EligibleMeasure("QJY-20", 10000L, "CNY")), null);

        String sms = templates.sms(message, ZH, "青年衢江", 70);

        assertThat(sms.length()).isLessThanOrEqualTo(70);
        assertThat(sms).startsWith("【青年衢江】您新符合4项政策：青年驿站免费住宿(7 晚)、").contains("等4项")
                .endsWith("，详见青年衢江App。").doesNotContain("电商创业一次性补贴");
        assertThat(templates.email(message, ZH, null).text()).contains("高校毕业生生活补贴：每月 1,000 元")
                .contains("电商创业一次性补贴：10,000 元");
        assertThat(templates.email(message, EN, null).text()).contains("1,000 yuan a month");
    }

    /** A discount reads as the app says it, 5 折优惠, not as a bare percentage. */
    @Test
    void amountsAreWordedByTheEnginesVocabulary() {
        Message message = new Message(MessageKind.NEWLY_ELIGIBLE, List.of(new EligibleMeasure("QJY-05", 50L, "PERCENT")),
                null);

        assertThat(templates.inApp(message, ZH).body()).contains("人才公寓租金减免（5 折优惠）").doesNotContain("%");
        assertThat(templates.inApp(message, EN).body()).contains("Talent apartment rent reduction (50% off)");
        assertThat(templates.email(message, ZH, null).text()).doesNotContain("PERCENT");
    }

    @Test
    void aMeasureWithoutAmountOrWithAnUnknownUnitOrTitleStillReadsWithoutCodesForWords() {
        Message message = new Message(MessageKind.NEWLY_ELIGIBLE, List.of(new EligibleMeasure("QJY-30", null, null),
                new EligibleMeasure("QJY-31", 3L, "VOUCHER"), new EligibleMeasure("QJY-77", null, null)), null);

        assertThat(templates.email(message, ZH, null).text()).contains("· 青年夜校\n").contains("· 文旅消费券：3\n")
                .contains("· QJY-77\n").doesNotContain("VOUCHER");
        assertThat(templates.inApp(message, ZH).body()).contains("青年夜校、文旅消费券（3）、QJY-77");
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
    void anEndedBenefitSaysSinceWhenAndWhyInWords() {
        Message revoked = ended(BenefitEnded.Cause.ENDED_BY_OFFICER, "FALSE_MATERIALS");

        assertThat(templates.email(revoked, ZH, null).subject()).isEqualTo("政策享受已终止：青年驿站免费住宿");
        assertThat(templates.email(revoked, ZH, null).text()).contains("自2026年9月15日起不再享受")
                .contains("原因：经核实提供了虚假材料。").doesNotContain("FALSE_MATERIALS");
        assertThat(templates.sms(revoked, ZH, "青年衢江", 70))
                .isEqualTo("【青年衢江】您享受的“青年驿站免费住宿”已终止：经核实提供了虚假材料，详见青年衢江App。");
        assertThat(templates.inApp(revoked, EN).body()).contains("stopped from September 15, 2026")
                .contains("Reason: the documents provided were found to be false");
        Message expired = ended(BenefitEnded.Cause.EXPIRED, "TERM_EXPIRED");
        assertThat(templates.inApp(expired, ZH).body())
                .isEqualTo("您享受的“青年驿站免费住宿”已期满，自2026年9月15日起不再享受；如仍符合条件，可重新申请。");
        Message lapsed = ended(BenefitEnded.Cause.NO_LONGER_ELIGIBLE, "NO_LONGER_ELIGIBLE");
        assertThat(templates.inApp(lapsed, ZH).body())
                .isEqualTo("您享受的“青年驿站免费住宿”已自2026年9月15日起终止，原因：不再符合享受条件。如有疑问，请咨询区人力社保局。");
        assertThat(templates.smsParameters(revoked, EN)).containsEntry("ended", "ENDED_BY_OFFICER")
                .containsEntry("endedOn", "September 15, 2026")
                .containsEntry("reason", "the documents provided were found to be false");
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
}
