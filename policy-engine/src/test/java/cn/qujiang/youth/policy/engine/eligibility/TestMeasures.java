package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Benefit;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Criterion;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Example;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Window;
import java.time.LocalDate;
import java.util.List;

/** Small hand-made measures for engine tests, so that they do not depend on the sample catalogue. */
final class TestMeasures {

    static final Window OPEN_2024 = new Window(LocalDate.of(2024, 1, 1), null);
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    private TestMeasures() {
    }

    static MeasureDefinition measure(String amount, Criterion... criteria) {
        return measure(OPEN_2024, List.of(), amount, List.of(criteria), List.of());
    }

    static MeasureDefinition measure(Window window, List<String> excludes, String amount, List<Criterion> criteria,
            List<Example> examples) {
        return new MeasureDefinition("T-01", 3, LocalizedText.of("测试举措", "Test measure"),
                LocalizedText.of("摘要", "Summary"), "EMPLOYMENT", LocalizedText.of("团区委", "Youth League"), "APPLY",
                window, null, excludes, 1,
                new Benefit("IN_KIND", "NIGHT", amount, null, null), criteria,
                List.of(LocalizedText.of("身份证", "ID card")), examples);
    }

    static Criterion criterion(String id, String expr) {
        return new Criterion(id, expr, LocalizedText.of(id + "（标签）", id + " label"),
                LocalizedText.of(id + "（提示）", id + " hint"));
    }
}
