package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.talent.application.ReviewViews.DecisionKind;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class DecisionReasonTest {
    private final ResourceBundleMessageSource messages = OfficerFactsTest.messages();

    @Test
    void eachKindOfDecisionHasItsOwnReasons() {
        assertThat(DecisionReason.fits(DecisionKind.APPROVE, "CRITERIA_MET")).isTrue();
        assertThat(DecisionReason.fits(DecisionKind.REJECT, "CRITERIA_MET")).isFalse();
        assertThat(DecisionReason.fits(DecisionKind.REQUEST_INFO, "DOCUMENTS_MISSING")).isTrue();
        assertThat(DecisionReason.fits(DecisionKind.REJECT, "NO_SUCH_REASON")).isFalse();
        for (DecisionKind kind : DecisionKind.values()) {
            assertThat(DecisionReason.all()).as(kind.name()).anyMatch(reason -> reason.decision() == kind);
        }
    }

    @Test
    void theApplicantReadsEveryReasonInChineseAndEnglish() {
        for (DecisionReason reason : DecisionReason.values()) {
            String zh = ApplicationViews.reason(reason.name(), Locale.CHINESE, messages);
            String en = ApplicationViews.reason(reason.name(), Locale.ENGLISH, messages);
            assertThat(zh).as(reason.name()).isNotEqualTo(reason.name()).matches(".*\\p{IsHan}.*");
            assertThat(en).as(reason.name()).isNotEqualTo(reason.name()).isNotEqualTo(zh);
        }
        assertThat(Arrays.stream(DecisionReason.values()).map(Enum::name)).doesNotHaveDuplicates();
    }
}
