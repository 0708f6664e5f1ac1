package cn.qujiang.youth.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of matching one applicant's profile version against the whole active catalogue on {@code asOf},
 * with the change against the previous result.
 */
public record MatchesEvaluated(
        String applicantId,
        long profileVersion,
        LocalDate asOf,
        Instant evaluatedAt,
        Trigger trigger,
        List<MatchResult> results,
        List<String> newlyEligible,
        List<String> noLongerEligible) {

    public enum Trigger { PROFILE_CHANGED, CATALOGUE_CHANGED, DAILY_SWEEP }

    public enum Outcome { ELIGIBLE, INELIGIBLE, NEEDS_INFO, NOT_OPEN, EXCLUDED }

    public enum CriterionStatus { PASSED, FAILED, UNKNOWN }

    public MatchesEvaluated {
        results = results == null ? List.of() : List.copyOf(results);
        newlyEligible = newlyEligible == null ? List.of() : List.copyOf(newlyEligible);
        noLongerEligible = noLongerEligible == null ? List.of() : List.copyOf(noLongerEligible);
    }

    /**
     * One measure's outcome. {@code amount} and {@code unit} are set for ELIGIBLE; {@code missingFacts} for
     * NEEDS_INFO; {@code nearMiss} when exactly one criterion failed.
     */
    public record MatchResult(
            String measureCode,
            int measureVersion,
            LocalizedText title,
            Outcome outcome,
            Long amount,
            String unit,
            String benefitKind,
            boolean nearMiss,
            List<CriterionResult> criteria,
            List<String> missingFacts,
            List<String> excludedBy) {

        public MatchResult {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
            missingFacts = missingFacts == null ? List.of() : List.copyOf(missingFacts);
            excludedBy = excludedBy == null ? List.of() : List.copyOf(excludedBy);
        }
    }

    /** One criterion of a measure, with the applicant's values of the facts it reads (as text). */
    public record CriterionResult(
            String id,
            CriterionStatus status,
            LocalizedText label,
            LocalizedText hint,
            java.util.Map<String, String> values) {

        public CriterionResult {
            values = values == null ? java.util.Map.of() : java.util.Map.copyOf(values);
        }
    }
}
