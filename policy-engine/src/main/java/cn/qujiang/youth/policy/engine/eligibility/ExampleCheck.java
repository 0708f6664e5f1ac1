package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Example;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Holds a measure's rules to its worked examples: each example is evaluated inside the window and holding nothing,
 * and must produce the expected outcome (and amount, when one is given). Publishing is refused while any disagrees.
 */
public final class ExampleCheck {

    /** An example the rules disagree with, and how. */
    public record Mismatch(String example, String description) {
    }

    private ExampleCheck() {
    }

    public static List<Mismatch> mismatches(CompiledMeasure measure) {
        return measure.definition().examples().stream()
                .map(example -> check(measure, example))
                .flatMap(Optional::stream)
                .toList();
    }

    public static Optional<Mismatch> check(CompiledMeasure measure, Example example) {
        DerivedFacts facts;
        try {
            facts = DerivedFacts.of(example.applicant());
        } catch (IllegalArgumentException e) {
            return mismatch(example, "the example's applicant is invalid: " + e.getMessage());
        }
        MatchResult result = EligibilityEngine.assess(measure, new RuleResults(facts, Outlooks.NONE));
        String outcome = result.outcome().name();
        if (!outcome.equals(example.expect())) {
            return mismatch(example, "expected " + example.expect() + " but the rules say " + outcome + " ("
                    + trace(result) + ")");
        }
        if (example.amount() != null && !example.amount().equals(result.amount())) {
            return mismatch(example, "expected amount " + example.amount() + " but the rules give "
                    + result.amount());
        }
        return Optional.empty();
    }

    private static Optional<Mismatch> mismatch(Example example, String description) {
        return Optional.of(new Mismatch(example.name(), description));
    }

    private static String trace(MatchResult result) {
        String criteria = result.criteria().stream()
                .map(ExampleCheck::describe)
                .collect(Collectors.joining("; "));
        return result.missingFacts().isEmpty() ? criteria : criteria + "; missing " + result.missingFacts();
    }

    private static String describe(CriterionResult criterion) {
        String values = criterion.values().isEmpty() ? "" : " " + criterion.values();
        return criterion.id() + " " + criterion.status() + values;
    }
}
