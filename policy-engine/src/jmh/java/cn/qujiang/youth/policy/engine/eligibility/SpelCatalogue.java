package cn.qujiang.youth.policy.engine.eligibility;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * Benchmark baseline: the same catalogue in Spring Expression Language, each CEL expression translated mechanically
 * and evaluated (interpreted, SpEL's default) against the facts map. A fact that is not given makes SpEL throw, which
 * counts as undecided; unlike CEL, SpEL's {@code or} does not forgive a missing fact on its left, so the two agree
 * only on complete profiles ({@code BaselinesAgreeTest}).
 */
final class SpelCatalogue {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Pattern NAMESPACE = Pattern.compile("\\b" + EligibilityFact.NAMESPACE + "\\.");
    private static final Pattern MEMBERSHIP = Pattern.compile("(\\w+) in \\[([^\\]]*)]");

    private SpelCatalogue() {
    }

    /** The compiled catalogue with every rule replaced by its SpEL translation. */
    static List<CompiledMeasure> replaceRules(List<CompiledMeasure> compiled) {
        EvaluationContext context = context();
        return compiled.stream().map(measure -> new CompiledMeasure(measure.definition(),
                measure.criteria().stream().map(rule -> translated(rule, context)).toList(),
                translated(measure.amount(), context))).toList();
    }

    /** {@code applicant.x} becomes the map key {@code x}, {@code &&}/{@code ||} become {@code and}/{@code or}. */
    static String toSpel(String cel) {
        String spel = NAMESPACE.matcher(cel).replaceAll("");
        spel = MEMBERSHIP.matcher(spel).replaceAll("{$2}.contains($1)");
        return spel.replace("&&", "and").replace("||", "or");
    }

    private static CompiledRule translated(CompiledRule rule, EvaluationContext context) {
        Expression expression = PARSER.parseExpression(toSpel(rule.expression()));
        return new CompiledRule(rule.id(), rule.expression(), rule.reads(), rule.thresholds(),
                facts -> evaluate(expression, context, facts));
    }

    private static Object evaluate(Expression expression, EvaluationContext context, DerivedFacts facts) {
        try {
            Object value = expression.getValue(context, facts);
            return value instanceof Number number ? Long.valueOf(number.longValue()) : value;
        } catch (EvaluationException notGiven) {
            return null;
        }
    }

    private static EvaluationContext context() {
        StandardEvaluationContext context = new StandardEvaluationContext();
        context.addPropertyAccessor(new MapAccessor());
        return context;
    }
}
