package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Benefit;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Criterion;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Example;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Window;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
                new Benefit("IN_KIND", "NIGHT", amount, null, null), null, criteria,
                List.of(LocalizedText.of("身份证", "ID card")), examples);
    }

    /** A profile with only the named fields given, e.g. {@code profile("birthDate", date, "married", true)}. */
    static ApplicantFacts profile(Object... namesAndValues) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            given.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        RecordComponent[] fields = ApplicantFacts.class.getRecordComponents();
        Object[] values = new Object[fields.length];
        Class<?>[] types = new Class<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = given.remove(fields[i].getName());
            types[i] = fields[i].getType();
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("not profile fields: " + given.keySet());
        }
        try {
            return ApplicantFacts.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Criterion criterion(String id, String expr) {
        return new Criterion(id, expr, LocalizedText.of(id + "（标签）", id + " label"),
                LocalizedText.of(id + "（提示）", id + " hint"));
    }
}
