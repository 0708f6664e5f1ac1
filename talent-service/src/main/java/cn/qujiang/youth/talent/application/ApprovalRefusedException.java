package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import java.util.List;

/**
 * An approval refused as of the decision, before anything was written: the measure cannot be combined with one the
 * applicant holds or is being approved for, or the latest known match no longer finds them eligible. Carries codes
 * only; {@link ApprovalProblems} puts the measures in words in the caller's language.
 */
abstract sealed class ApprovalRefusedException extends RuntimeException {
    private final String measureCode;

    private ApprovalRefusedException(String message, String measureCode) {
        super(message);
        this.measureCode = measureCode;
    }

    String measureCode() {
        return measureCode;
    }

    /** {@code excludedBy}: the measures held or in flight that rule this one out. */
    static final class Excluded extends ApprovalRefusedException {
        private final List<String> excludedBy;

        Excluded(String measureCode, List<String> excludedBy) {
            super("excluded by measures held or being approved", measureCode);
            this.excludedBy = List.copyOf(excludedBy);
        }

        List<String> excludedBy() {
            return excludedBy;
        }
    }

    /** {@code outcome}: the latest known outcome for the measure, null when none is known. */
    static final class NotEligible extends ApprovalRefusedException {
        private final Outcome outcome;

        NotEligible(String measureCode, Outcome outcome) {
            super("the latest known outcome is not ELIGIBLE", measureCode);
            this.outcome = outcome;
        }

        Outcome outcome() {
            return outcome;
        }
    }
}
