package cn.qujiang.youth.talent.matches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary;
import cn.qujiang.youth.policy.engine.vocabulary.Words;
import cn.qujiang.youth.talent.matches.MatchResultView.CriterionView;
import cn.qujiang.youth.talent.matches.MatchResultView.ExclusionView;
import cn.qujiang.youth.talent.matches.MatchResultView.FactValueView;
import cn.qujiang.youth.talent.matches.MatchResultView.FactView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A resident reads titles, criteria, their own values and amounts in words, never codes. */
class MatchResultViewTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Words CHINESE = FactVocabulary.shipped().words(ZH);

    private static final MeasurePublished ALLOWANCE = measure("QJY-12", "高校毕业生生活补贴", "Graduate living allowance",
            new MeasurePublished.Criterion("degree", LocalizedText.of("本科及以上学历", "Bachelor's degree or higher"),
                    LocalizedText.of("需取得本科及以上学历", "A bachelor's degree is needed")),
            new MeasurePublished.Criterion("resident", LocalizedText.of("居住在衢江", "Living in Qujiang"), null));
    private static final MeasurePublished FLAT = measure("QJY-20", "人才公寓", "Talent apartments");

    @Test
    void titlesAndCriteriaComeFromTheReplicaValuesAndAmountsFromTheVocabulary() {
        MatchResult result = new MatchResult("QJY-12", 1, Outcome.INELIGIBLE, null, null, "MONTHLY_CASH",
                false, List.of(
                        criterion("degree", CriterionStatus.FAILED, Map.of("degree", "HIGH_SCHOOL", "age", 24L)),
                        criterion("resident", CriterionStatus.FAILED, Map.of("residesInQujiang", false)),
                        criterion("age", CriterionStatus.PASSED, Map.of("age", 24L))),
                List.of(), List.of("QJY-20"), null);

        MatchResultView view = MatchResultView.of(result, Map.of("QJY-12", ALLOWANCE, "QJY-20", FLAT), CHINESE, ZH);

        assertThat(view.title()).isEqualTo("高校毕业生生活补贴");
        assertThat(view.failedCriteria()).containsExactly(
                new CriterionView("degree", CriterionStatus.FAILED, "本科及以上学历", "需取得本科及以上学历",
                        List.of(new FactValueView("age", "年龄", "24 岁"),
                                new FactValueView("degree", "已取得的最高学历", "高中"))),
                new CriterionView("resident", CriterionStatus.FAILED, "居住在衢江", null,
                        List.of(new FactValueView("residesInQujiang", "是否居住在衢江", "否"))));
        assertThat(view.excludedBy()).containsExactly(new ExclusionView("QJY-20", "人才公寓"));
    }

    @Test
    void anAmountReadsAsTheAppSaysIt() {
        MatchResult monthly = new MatchResult("QJY-12", 1, Outcome.ELIGIBLE, 1000L, "CNY_PER_MONTH",
                "MONTHLY_CASH", false, List.of(), List.of(), List.of(), null);
        MatchResult discount = new MatchResult("QJY-36", 1, Outcome.ELIGIBLE, 50L, "PERCENT", "DISCOUNT",
                false, List.of(), List.of(), List.of(), null);

        MatchResultView zh = MatchResultView.of(monthly, Map.of("QJY-12", ALLOWANCE), CHINESE, ZH);
        MatchResultView en = MatchResultView.of(monthly, Map.of("QJY-12", ALLOWANCE),
                FactVocabulary.shipped().words(Locale.ENGLISH), Locale.ENGLISH);

        assertThat(zh.amountText()).isEqualTo("每月 1,000 元");
        assertThat(zh.unitLabel()).isEqualTo("元/月");
        assertThat(en.title()).isEqualTo("Graduate living allowance");
        assertThat(en.amountText()).isEqualTo("1,000 yuan a month");
        assertThat(MatchResultView.of(discount, Map.of(), CHINESE, ZH).amountText()).isEqualTo("5 折优惠");
    }

    @Test
    void missingFactsByTheirLabelsAndAMeasureTheReplicaLacksByItsCode() {
        MatchResult result = new MatchResult("QJY-99", 1, Outcome.NEEDS_INFO, null, null, "ONE_OFF_CASH",
                false, List.of(criterion("insured", CriterionStatus.UNKNOWN, Map.of())),
                List.of("laborContractMonths"), List.of(), null);

        MatchResultView view = MatchResultView.of(result, Map.of(), CHINESE, ZH);

        assertThat(view.title()).isEqualTo("QJY-99");
        assertThat(view.failedCriteria()).extracting(CriterionView::label).containsExactly("insured");
        assertThat(view.missingFacts()).containsExactly(new FactView("laborContractMonths", "劳动合同期限"));
        assertThat(view.amountText()).isNull();
    }

    private static CriterionResult criterion(String id, CriterionStatus status, Map<String, Object> values) {
        return new CriterionResult(id, status, values, null, null);
    }

    @Test
    void saysTheMeasuresWindow() {
        MatchResult waiting = new MatchResult("QJY-12", 1, Outcome.INELIGIBLE, null, null, "MONTHLY_CASH", true,
                List.of(new CriterionResult("resident", CriterionStatus.FAILED, Map.of("residesInQujiang", true),
                        LocalDate.of(2027, 3, 1), null)),
                List.of(), List.of(), LocalDate.of(2027, 3, 1));

        MatchResultView view = MatchResultView.of(waiting, Map.of("QJY-12", ALLOWANCE), CHINESE, ZH);

        assertThat(view.opens()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(view.closes()).isNull();
    }

    private static MeasurePublished measure(String code, String zh, String en, MeasurePublished.Criterion... criteria) {
        return new MeasurePublished(code, 1, MeasurePublished.Status.ACTIVE, LocalizedText.of(zh, en), "LIVING",
                MeasurePublished.Mode.APPLY, LocalDate.of(2024, 1, 1), null, null, List.of(), "MONTHLY_CASH",
                "CNY_PER_MONTH", 5, Instant.parse("2026-01-10T01:00:00Z"), List.of(criteria), null);
    }
}
