package cn.qujiang.youth.policy.engine.eligibility;

import static cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus.FAILED;
import static cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus.PASSED;
import static cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus.UNKNOWN;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Criterion;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Window;
import dev.cel.common.types.SimpleType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compiles measures and evaluates applicants against them. One instance serves the whole application: it holds the
 * CEL environment, and evaluation is free of shared mutable state.
 *
 * <p>Outcome of a measure, first match wins: NOT_OPEN (evaluation date outside the window), EXCLUDED (the applicant
 * holds a measure this one excludes), INELIGIBLE (a criterion failed), NEEDS_INFO (a criterion, or the amount,
 * cannot be decided for want of facts), ELIGIBLE. Criteria are only evaluated for the last three, since they cannot
 * change the first two.
 */
public final class EligibilityEngine {

    /** The rule id under which a broken benefit amount expression is reported. */
    public static final String AMOUNT_RULE_ID = "benefit.amount";

    private final CelRules cel = new CelRules();

    /**
     * Type-checks every criterion (must be bool) and the benefit amount (must be int) against the declared facts.
     *
     * @throws RuleCompilationException naming the first rule that does not compile
     */
    public CompiledMeasure compile(MeasureDefinition measure) throws RuleCompilationException {
        String code = measure.code();
        Window window = measure.window();
        if (window != null && window.opens() != null && window.closes() != null
                && window.closes().isBefore(window.opens())) {
            throw new RuleCompilationException(code, "window", "the window closes before it opens");
        }
        Set<String> ids = new HashSet<>();
        List<CompiledRule> criteria = new ArrayList<>();
        for (Criterion criterion : measure.criteria()) {
            if (criterion.id() == null || criterion.id().isBlank() || !ids.add(criterion.id())) {
                throw new RuleCompilationException(code, String.valueOf(criterion.id()),
                        "every criterion needs an id of its own");
            }
            criteria.add(cel.compile(code, criterion.id(), criterion.expr(), SimpleType.BOOL));
        }
        String amount = measure.benefit() == null ? null : measure.benefit().amount();
        return new CompiledMeasure(measure, criteria, cel.compile(code, AMOUNT_RULE_ID, amount, SimpleType.INT));
    }

    /**
     * One measure for one applicant, with the dates of what time alone does ({@link Outlooks#DATES}).
     *
     * @param derivedFacts the applicant's facts on {@code asOf}; pass the {@link DerivedFacts} from
     *                     {@link ApplicantFactsDeriver} when evaluating several measures, so they are built once
     * @param heldMeasures codes of the measures the applicant currently holds
     */
    public MatchResult evaluate(CompiledMeasure measure, Map<String, Object> derivedFacts, LocalDate asOf,
            Set<String> heldMeasures) {
        return evaluate(measure, derivedFacts, asOf, heldMeasures, Outlooks.DATES);
    }

    /** As {@link #evaluate(CompiledMeasure, Map, LocalDate, Set)}, working out as much of time as {@code outlooks}. */
    public MatchResult evaluate(CompiledMeasure measure, Map<String, Object> derivedFacts, LocalDate asOf,
            Set<String> heldMeasures, Outlooks outlooks) {
        return evaluate(measure, new RuleResults(DerivedFacts.of(derivedFacts), outlooks), asOf, heldMeasures);
    }

    /** Every measure for one applicant, deriving the facts once, with the dates ({@link Outlooks#DATES}). */
    public List<MatchResult> evaluateAll(List<CompiledMeasure> measures, ApplicantFacts facts, LocalDate asOf,
            Set<String> heldMeasures) {
        return evaluateAll(measures, facts, asOf, heldMeasures, Outlooks.DATES);
    }

    /** As {@link #evaluateAll(List, ApplicantFacts, LocalDate, Set)}, working out as much of time as {@code outlooks}. */
    public List<MatchResult> evaluateAll(List<CompiledMeasure> measures, ApplicantFacts facts, LocalDate asOf,
            Set<String> heldMeasures, Outlooks outlooks) {
        RuleResults ruleResults = new RuleResults(ApplicantFactsDeriver.derive(facts, asOf), outlooks);
        MatchResult[] results = new MatchResult[measures.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = evaluate(measures.get(i), ruleResults, asOf, heldMeasures);
        }
        return List.of(results);
    }

    private static MatchResult evaluate(CompiledMeasure measure, RuleResults ruleResults, LocalDate asOf,
            Set<String> heldMeasures) {
        MeasureDefinition definition = measure.definition();
        if (definition.window() != null && !definition.window().contains(asOf)) {
            return result(measure, Outcome.NOT_OPEN, null, false, List.of(), List.of(), List.of(), null);
        }
        List<String> excludedBy = measure.excludedBy(heldMeasures);
        if (!excludedBy.isEmpty()) {
            return result(measure, Outcome.EXCLUDED, null, false, List.of(), List.of(), excludedBy, null);
        }
        return assess(measure, ruleResults);
    }

    /** The criteria and amount of a measure, ignoring its window and exclusions. */
    static MatchResult assess(CompiledMeasure measure, RuleResults ruleResults) {
        DerivedFacts facts = ruleResults.facts();
        List<Criterion> definitions = measure.definition().criteria();
        List<CompiledRule> criteria = measure.criteria();
        CriterionStatus[] statuses = new CriterionStatus[criteria.size()];
        List<String> missing = List.of();
        int failed = 0;
        int unknown = 0;
        int lastFailed = -1;
        for (int i = 0; i < statuses.length; i++) {
            CompiledRule rule = criteria.get(i);
            statuses[i] = status(rule, ruleResults);
            if (statuses[i] == FAILED) {
                failed++;
                lastFailed = i;
            } else if (statuses[i] == UNKNOWN) {
                unknown++;
                missing = union(missing, rule.missingIn(facts));
            }
        }
        // What time alone does is asked only where it decides what the resident is told: the one criterion standing
        // between them and the measure (is it a near miss, from when). Asking it of every failed criterion of every
        // measure would cost more than the evaluation itself.
        ChangeDates.Outlook outlook = ChangeDates.Outlook.NONE;
        if (failed == 1 && unknown == 0 && criteria.get(lastFailed).readsTime()) {
            outlook = ruleResults.outlookOfFailing(criteria.get(lastFailed));
        }
        CriterionResult[] trace = new CriterionResult[statuses.length];
        for (int i = 0; i < trace.length; i++) {
            ChangeDates.Outlook own = i == lastFailed ? outlook : ChangeDates.Outlook.NONE;
            trace[i] = new CriterionResult(definitions.get(i).id(), statuses[i], criteria.get(i).valuesIn(facts),
                    own.passesFrom(), own.failsFrom());
        }
        List<CriterionResult> criterionResults = List.of(trace);
        if (failed > 0) {
            // Too old, or graduated too long ago: no change to the profile and no waiting will help.
            boolean nearMiss = failed == 1 && unknown == 0 && !outlook.hopeless();
            LocalDate from = eligibleOn(measure, facts, criteria.get(lastFailed), outlook.passesFrom())
                    ? outlook.passesFrom() : null;
            return result(measure, Outcome.INELIGIBLE, null, nearMiss, criterionResults, List.of(), List.of(), from);
        }
        if (unknown == 0) {
            Object amount = ruleResults.of(measure.amount());
            if (amount == null) {
                missing = union(missing, measure.amount().missingIn(facts));
            }
            // An amount that fails with every fact given (e.g. an overflow) leaves the amount open; it does not take
            // away a benefit the criteria grant.
            if (missing.isEmpty()) {
                return result(measure, Outcome.ELIGIBLE, (Long) amount, false, criterionResults, List.of(), List.of(),
                        null);
            }
        }
        return result(measure, Outcome.NEEDS_INFO, null, false, criterionResults, missing, List.of(), null);
    }

    /**
     * Whether every criterion passes on {@code day} with the profile unchanged and the measure still open then: the
     * criterion failing today passes by then, but one passing today (an age limit) may fail by then. Only the others
     * that read time are evaluated: the failing one passes on its own {@code passesFrom} (facts it does not read do
     * not matter to it), and one that reads no time fact passes then as it does today.
     */
    private static boolean eligibleOn(CompiledMeasure measure, DerivedFacts facts, CompiledRule failing,
            LocalDate day) {
        Window window = measure.definition().window();
        if (day == null || window != null && !window.contains(day)) {
            return false;
        }
        List<CompiledRule> criteria = measure.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            CompiledRule rule = criteria.get(i);
            if (rule != failing && rule.readsTime() && !rule.passesOn(facts, day)) {
                return false;
            }
        }
        return true;
    }

    private static CriterionStatus status(CompiledRule rule, RuleResults ruleResults) {
        Object value = ruleResults.of(rule);
        if (value instanceof Boolean passed) {
            return passed ? PASSED : FAILED;
        }
        // Undecided with every fact it reads given means evaluation failed (e.g. an overflow): that must never make
        // anyone eligible, so it counts as failed.
        return rule.readsAbsentFact(ruleResults.facts()) ? UNKNOWN : FAILED;
    }

    /** Sorted and distinct, as missing facts are reported. */
    private static List<String> union(List<String> some, List<String> more) {
        SortedSet<String> union = new TreeSet<>(some);
        union.addAll(more);
        return List.copyOf(union);
    }

    private static MatchResult result(CompiledMeasure measure, Outcome outcome, Long amount, boolean nearMiss,
            List<CriterionResult> criteria, List<String> missingFacts, List<String> excludedBy,
            LocalDate eligibleFrom) {
        MeasureDefinition definition = measure.definition();
        String unit = outcome == Outcome.ELIGIBLE ? definition.benefit().unit() : null;
        return new MatchResult(definition.code(), definition.version(), outcome, amount, unit,
                definition.benefit().kind(), nearMiss, criteria, missingFacts, excludedBy, eligibleFrom);
    }
}
