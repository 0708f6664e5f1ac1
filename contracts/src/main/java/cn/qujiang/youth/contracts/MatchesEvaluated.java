package cn.qujiang.youth.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of matching one applicant's profile version against the whole active catalogue on {@code asOf},
 * with the change against the previous result. Outcomes, codes and the applicant's raw values only, no texts:
 * consumers show titles and criterion words from the catalogue ({@link MeasurePublished}) and facts, values, units
 * and amounts from policy-engine's vocabulary.
 *
 * <p>The applicant's raw values ({@link CriterionResult#values}: ages, months, degrees, enum names of the facts)
 * travel sealed with the applicant's {@link EventKey} in {@code sealedValues}; on the wire every criterion's
 * {@code values} is left out. A producer publishes {@link #sealValues}, a consumer that shows the values reads
 * {@link #openValues}. Outcomes, amounts, missing fact names and the eligibility changes stay in clear: they are
 * coarse yes/no answers about a public catalogue, tied only to the random {@code applicantId}, which nothing links
 * to a person once talent-service and Keycloak have erased them, while the raw values (a birth date's age and
 * months, degrees, industries) would single a person out by themselves.
 *
 * <p>{@code results} holds every active measure, unless {@code onlyChanged} is true (left out when false, so an event
 * without it is complete): then a re-evaluation of the same profile version (CATALOGUE_CHANGED, DAILY_SWEEP) carries
 * only the measures whose result changed in any way, and the applicant's other results are as last announced, the
 * measures being the same. A consumer keeping all results replaces those it gets and keeps the others.
 *
 * <p>{@code profileChangedAt} (added later; left out when absent) is when the evaluated profile version was saved,
 * copied from its {@link ApplicantProfileChanged#changedAt}, on PROFILE_CHANGED events only: with it a consumer
 * knows how long a save took to be matched, whichever version the applicant has saved since (talent-service refuses
 * saves while that is too long).
 */
public record MatchesEvaluated(
        String applicantId,
        long profileVersion,
        LocalDate asOf,
        Instant evaluatedAt,
        Trigger trigger,
        List<MatchResult> results,
        List<String> newlyEligible,
        List<String> noLongerEligible,
        @JsonInclude(Include.NON_DEFAULT) Boolean onlyChanged,
        @JsonInclude(Include.NON_NULL) SealedPart sealedValues,
        @JsonInclude(Include.NON_NULL) Instant profileChangedAt) {

    public enum Trigger { PROFILE_CHANGED, CATALOGUE_CHANGED, DAILY_SWEEP }

    public enum Outcome { ELIGIBLE, INELIGIBLE, NEEDS_INFO, NOT_OPEN, EXCLUDED }

    public enum CriterionStatus { PASSED, FAILED, UNKNOWN }

    public MatchesEvaluated {
        results = results == null ? List.of() : List.copyOf(results);
        newlyEligible = newlyEligible == null ? List.of() : List.copyOf(newlyEligible);
        noLongerEligible = noLongerEligible == null ? List.of() : List.copyOf(noLongerEligible);
        onlyChanged = Boolean.TRUE.equals(onlyChanged);  // absent in every event older than the field
    }

    /**
     * Every result with the criterion values in place, nothing sealed: what policy-service evaluates and consumers
     * read.
     */
    public MatchesEvaluated(String applicantId, long profileVersion, LocalDate asOf, Instant evaluatedAt,
            Trigger trigger, List<MatchResult> results, List<String> newlyEligible, List<String> noLongerEligible) {
        this(applicantId, profileVersion, asOf, evaluatedAt, trigger, results, newlyEligible, noLongerEligible, false,
                null, null);
    }

    /** The same event saying when the evaluated profile version was saved. */
    public MatchesEvaluated withProfileChangedAt(Instant changedAt) {
        return new MatchesEvaluated(applicantId, profileVersion, asOf, evaluatedAt, trigger, results, newlyEligible,
                noLongerEligible, onlyChanged, sealedValues, changedAt);
    }

    /** The same event with only the results that changed: {@code changed}, the others as last announced. */
    public MatchesEvaluated withOnlyChanged(List<MatchResult> changed) {
        return new MatchesEvaluated(applicantId, profileVersion, asOf, evaluatedAt, trigger, changed, newlyEligible,
                noLongerEligible, true, sealedValues, profileChangedAt);
    }

    /** This event as it is published: every criterion's values moved into one part sealed with {@code key}. */
    public MatchesEvaluated sealValues(EventKey key) {
        Map<String, Map<String, Map<String, Object>>> values = new LinkedHashMap<>();
        for (MatchResult result : results) {
            for (CriterionResult criterion : result.criteria()) {
                if (!criterion.values().isEmpty()) {
                    values.computeIfAbsent(result.measureCode(), code -> new LinkedHashMap<>())
                            .put(criterion.id(), criterion.values());
                }
            }
        }
        List<MatchResult> withoutValues = results.stream().map(result -> result.withValues(Map.of())).toList();
        return new MatchesEvaluated(applicantId, profileVersion, asOf, evaluatedAt, trigger, withoutValues,
                newlyEligible, noLongerEligible, onlyChanged, key.seal(values, valuesContext(applicantId)),
                profileChangedAt);
    }

    /**
     * This event with the criterion values opened with {@code key} and put back in place.
     *
     * @throws Gcm.SealBrokenException when {@code key} is not the one they were sealed with
     */
    @SuppressWarnings("unchecked")
    public MatchesEvaluated openValues(EventKey key) {
        if (sealedValues == null) {
            return this;
        }
        Map<String, Map<String, Map<String, Object>>> values =
                key.open(sealedValues, valuesContext(applicantId), Map.class);
        List<MatchResult> opened = results.stream()
                .map(result -> result.withValues(values.getOrDefault(result.measureCode(), Map.of())))
                .toList();
        return new MatchesEvaluated(applicantId, profileVersion, asOf, evaluatedAt, trigger, opened, newlyEligible,
                noLongerEligible, onlyChanged, null, profileChangedAt);
    }

    private static String valuesContext(String applicantId) {
        return "MatchesEvaluated.values:" + applicantId;
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

        private MatchResult withValues(Map<String, Map<String, Object>> valuesByCriterion) {
            List<CriterionResult> replaced = criteria.stream()
                    .map(c -> new CriterionResult(c.id(), c.status(), valuesByCriterion.getOrDefault(c.id(), Map.of()),
                            c.passesFrom(), c.failsFrom()))
                    .toList();
            return new MatchResult(measureCode, measureVersion, outcome, amount, unit, benefitKind, nearMiss, replaced,
                    missingFacts, excludedBy, eligibleFrom);
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
            @JsonInclude(Include.NON_EMPTY) Map<String, Object> values,
            @JsonInclude(Include.NON_NULL) LocalDate passesFrom,
            @JsonInclude(Include.NON_NULL) LocalDate failsFrom) {

        public CriterionResult {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }
}
