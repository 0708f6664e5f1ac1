package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.application.ReviewViews.DecisionKind;
import java.util.Arrays;
import java.util.List;

/**
 * The reasons an officer may give with a decision, each for one kind of decision. The applicant reads the words of
 * {@code reason.<code>} (this service's bundles for the timeline, notification-service's for the message); events
 * carry the code alone.
 */
enum DecisionReason {
    CRITERIA_MET(DecisionKind.APPROVE),
    CRITERIA_NOT_MET(DecisionKind.REJECT),
    DOCUMENTS_INVALID(DecisionKind.REJECT),
    QUOTA_EXHAUSTED(DecisionKind.REJECT),
    WINDOW_CLOSED(DecisionKind.REJECT),
    DUPLICATE(DecisionKind.REJECT),
    EXCLUDED(DecisionKind.REJECT),
    DOCUMENTS_MISSING(DecisionKind.REQUEST_INFO),
    DOCUMENTS_UNCLEAR(DecisionKind.REQUEST_INFO),
    INFO_MISSING(DecisionKind.REQUEST_INFO);

    private final DecisionKind decision;

    DecisionReason(DecisionKind decision) {
        this.decision = decision;
    }

    DecisionKind decision() {
        return decision;
    }

    /** Whether {@code code} is one of the reasons listed for {@code decision}. */
    static boolean fits(DecisionKind decision, String code) {
        return Arrays.stream(values()).anyMatch(reason -> reason.decision == decision && reason.name().equals(code));
    }

    static List<DecisionReason> all() {
        return List.of(values());
    }
}
