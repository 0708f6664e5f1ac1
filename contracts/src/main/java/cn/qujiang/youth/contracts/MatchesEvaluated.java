package cn.qujiang.youth.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The result of matching one applicant's profile version against the whole active catalogue on {@code asOf},
 * with the change against the previous result. Outcomes, codes and the applicant's raw values only, no texts:
 * consumers show titles and criterion words from the catalogue ({@link MeasurePublished}) and facts, values, units
 * and amounts from policy-engine's vocabulary.
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
     * NEEDS_INFO; {@code nearMiss} when exactly one criterion failed and it can still come true;
     * {@code eligibleFrom} for INELIGIBLE on one criterion when time alone makes the applicant eligible on that day
     * (an age or a number of months not reached yet) and nothing else is missing. Matching does not work out such
     * days (policy-engine's {@code Outlooks.NEAR_MISS}), so {@code MatchesEvaluated} events never carry
     * {@code eligibleFrom}, {@code passesFrom} or {@code failsFrom}; the results policy-service shows a resident
     * ({@code GET /api/policy/me/results}, the calculator) do.
     */
    public record MatchResult(
            String measureCode,
            int measureVersion,
            Outcome outcome,
            Long amount,
            String unit,
            String benefitKind,
            boolean nearMiss,
            List<CriterionResult> criteria,
            List<String> missingFacts,
            List<String> excludedBy,
            @JsonInclude(Include.NON_NULL) LocalDate eligibleFrom) {

        public MatchResult {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
            missingFacts = missingFacts == null ? List.of() : List.copyOf(missingFacts);
            excludedBy = excludedBy == null ? List.of() : List.copyOf(excludedBy);
        }
    }

    /**
     * One criterion of a measure (by its id in the measure version), with the applicant's values of the facts it
     * reads, raw: numbers, {@code true}/{@code false}, enum constant names ({@code BACHELOR}). For the FAILED
     * criterion of a measure that fails on it alone, when it reads facts changing with time (age, months since a
     * date, children under 3…):
     * {@code passesFrom} is the first day on which it passes by time alone, the rest of the profile unchanged
     * ("可于 2027-03-01 起申请"); when time alone never makes it pass, {@code failsFrom} is the day it stopped
     * passing ("已于 2026-05-01 超龄"), if that lies within the last ten years. Both are null otherwise, and left out
     * of the event then (a hundred criteria per applicant).
     */
    public record CriterionResult(
            String id,
            CriterionStatus status,
            Map<String, Object> values,
            @JsonInclude(Include.NON_NULL) LocalDate passesFrom,
            @JsonInclude(Include.NON_NULL) LocalDate failsFrom) {

        public CriterionResult {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }
}
