package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What publishing a draft would change for one measure, counted applicant by applicant. Each applicant's line for
 * the published version and for the draft comes from {@link Matcher#refreshedLines} exactly as the re-match after
 * publishing computes it (kept when decided today by the same version, evaluated otherwise), so the counts are the
 * re-match's own: who becomes eligible and who stops being eligible are its {@code newlyEligible} and
 * {@code noLongerEligible}, and {@code changed} its MatchesEvaluated events (when everyone's results are of today).
 *
 * <p>{@link #compare} is free of shared state (run it in parallel); {@link #add} is not.
 */
final class ImpactTally {
    static final int EXAMPLES_PER_CHANGE = 3;

    /** How an applicant's result for the measure changes. */
    enum Change { BECOMES_ELIGIBLE, LOSES_ELIGIBILITY, OUTCOME_CHANGES, DETAILS_CHANGE }

    private final Matcher matcher;
    private final CompiledMeasure published;
    private final CompiledMeasure draft;
    private final List<CompiledMeasure> measures;
    private final LocalDate today;
    private final Map<Outcome, Long> before = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Long> after = new EnumMap<>(Outcome.class);
    private final Map<Change, Long> changes = new EnumMap<>(Change.class);
    private final List<Example> examples = new ArrayList<>();
    private final Set<Example> shapes = new HashSet<>();
    private long applicants;

    /** {@code published} is null when the measure is not active (new, or retired): nobody has a result before. */
    ImpactTally(Matcher matcher, CompiledMeasure published, CompiledMeasure draft, LocalDate today) {
        this.matcher = matcher;
        this.published = published;
        this.draft = draft;
        this.measures = published == null ? List.of(draft) : List.of(published, draft);
        this.today = today;
    }

    /** One applicant's result for the measure before and after publishing; {@code before} null when not active. */
    record Comparison(ApplicantMatches stored, StoredResult before, StoredResult after) {

        Change change() {
            boolean wasEligible = before != null && before.eligible();
            if (!wasEligible && after.eligible()) {
                return Change.BECOMES_ELIGIBLE;
            }
            if (wasEligible && !after.eligible()) {
                return Change.LOSES_ELIGIBILITY;
            }
            if (before == null || before.outcome() != after.outcome()) {
                return Change.OUTCOME_CHANGES;
            }
            return before.noticeable().equals(after.noticeable()) ? null : Change.DETAILS_CHANGE;
        }
    }

    Comparison compare(ApplicantMatches stored) {
        List<String> lines = matcher.refreshedLines(stored, measures, today);
        return new Comparison(stored, published == null ? null : StoredResult.decode(lines.get(0)),
                StoredResult.decode(lines.get(lines.size() - 1)));
    }

    void add(Comparison comparison) {
        applicants++;
        if (comparison.before() != null) {
            before.merge(comparison.before().outcome(), 1L, Long::sum);
        }
        after.merge(comparison.after().outcome(), 1L, Long::sum);
        Change change = comparison.change();
        if (change == null) {
            return;
        }
        long seen = changes.merge(change, 1L, Long::sum);
        if (seen <= EXAMPLES_PER_CHANGE * 10L && examples.stream().filter(e -> e.change() == change).count()
                < EXAMPLES_PER_CHANGE) {
            Example example = example(comparison, change);
            if (shapes.add(example)) {
                examples.add(example);
            }
        }
    }

    long applicants() {
        return applicants;
    }

    long count(Change change) {
        return changes.getOrDefault(change, 0L);
    }

    /** Applicants whose result for the measure changes noticeably: each gets a MatchesEvaluated. */
    long changed() {
        return changes.values().stream().mapToLong(Long::longValue).sum();
    }

    long before(Outcome outcome) {
        return before.getOrDefault(outcome, 0L);
    }

    long after(Outcome outcome) {
        return after.getOrDefault(outcome, 0L);
    }

    List<Example> examples() {
        return List.copyOf(examples);
    }

    /**
     * An anonymised example: no id, no profile; outcomes, criterion statuses, and only the values (derived facts
     * such as an age) of the criteria whose status changed, which are what explains the change.
     */
    record Example(Change change, Outcome outcomeBefore, Outcome outcomeAfter, Long amountBefore, Long amountAfter,
            List<CriterionChange> criteria) {
    }

    /** {@code before} null for a criterion the published version does not have, {@code after} for one dropped. */
    record CriterionChange(String id, String before, String after, Map<String, Object> values) {
    }

    private Example example(Comparison comparison, Change change) {
        StoredResult was = comparison.before();
        Map<String, String> statusBefore = new LinkedHashMap<>();
        if (was != null) {
            was.criteria().forEach(c -> statusBefore.put(c.id(), c.status().name()));
        }
        List<CriterionChange> criteria = new ArrayList<>();
        // The values are evaluated again only for the few examples: stored lines carry none.
        for (CriterionResult criterion : matcher.evaluate(comparison.stored(), draft, today).criteria()) {
            String previous = statusBefore.remove(criterion.id());
            String now = criterion.status().name();
            criteria.add(new CriterionChange(criterion.id(), previous, now,
                    Objects.equals(previous, now) ? Map.of()
                            : Collections.unmodifiableMap(new LinkedHashMap<>(criterion.values()))));
        }
        statusBefore.forEach((id, status) -> criteria.add(new CriterionChange(id, status, null, Map.of())));
        return new Example(change, was == null ? null : was.outcome(), comparison.after().outcome(),
                was == null ? null : was.amount(), comparison.after().amount(), criteria);
    }
}
