package cn.qujiang.youth.policy.engine.eligibility;

import static dev.cel.common.ast.CelExpr.ExprKind.Kind.CALL;
import static dev.cel.common.ast.CelExpr.ExprKind.Kind.CONSTANT;
import static dev.cel.common.ast.CelExpr.ExprKind.Kind.LIST;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything that knows CEL: the environment declaring each fact as the variable {@code applicant.<fact>} (the
 * checker resolves the dotted name to it, so an undeclared fact fails type-checking), compiling and checking rules,
 * and evaluating them with the planner runtime against {@link DerivedFacts}. Compiler, runtime and programs are
 * immutable and thread-safe.
 */
final class CelRules {

    /** The planner runtime's options (it requires heterogeneous numeric comparisons); the checker uses the same. */
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final Pattern FACT_REFERENCE = Pattern.compile("\\b" + EligibilityFact.NAMESPACE + "\\.(\\w+)");

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    CelRules() {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS);
        for (EligibilityFact fact : EligibilityFact.values()) {
            builder.addVar(fact.variable(), celType(fact.type()));
        }
        compiler = builder.build();
        runtime = CelRuntimeFactory.plannerRuntimeBuilder().setOptions(OPTIONS).build();
    }

    private static CelType celType(EligibilityFact.Type type) {
        return switch (type) {
            case INT -> SimpleType.INT;
            case BOOL -> SimpleType.BOOL;
            case STRING -> SimpleType.STRING;
        };
    }

    CompiledRule compile(String measureCode, String ruleId, String expression, CelType resultType)
            throws RuleCompilationException {
        if (expression == null || expression.isBlank()) {
            throw new RuleCompilationException(measureCode, ruleId, "the expression is missing");
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new RuleCompilationException(measureCode, ruleId, e.getMessage() + unknownFactsNote(expression));
        }
        if (!ast.getResultType().equals(resultType)) {
            throw new RuleCompilationException(measureCode, ruleId,
                    "the expression must be of type " + resultType.name() + " but is " + ast.getResultType().name());
        }
        Optional<String> impossibleValue = impossibleValue(ast);
        if (impossibleValue.isPresent()) {
            throw new RuleCompilationException(measureCode, ruleId, impossibleValue.get());
        }
        try {
            return new CompiledRule(ruleId, expression, reads(ast), thresholds(ast),
                    new CelEvaluator(runtime.createProgram(ast)));
        } catch (CelEvaluationException e) {
            throw new RuleCompilationException(measureCode, ruleId, e.getMessage());
        }
    }

    /** The facts the checked expression reads, in declaration order. */
    private static List<EligibilityFact> reads(CelAbstractSyntaxTree ast) {
        return ast.getReferenceMap().values().stream()
                .map(reference -> EligibilityFact.byVariable(reference.name()))
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    private static final Set<String> COMPARISONS = Set.of(Operator.LESS.getFunction(),
            Operator.LESS_EQUALS.getFunction(), Operator.GREATER.getFunction(), Operator.GREATER_EQUALS.getFunction(),
            Operator.EQUALS.getFunction(), Operator.NOT_EQUALS.getFunction());

    /**
     * Per fact, the int constants the expression compares it with, for the facts it uses in no other way (see
     * {@link CompiledRule#thresholds()}).
     */
    private static Map<EligibilityFact, long[]> thresholds(CelAbstractSyntaxTree ast) {
        Map<EligibilityFact, Integer> uses = new EnumMap<>(EligibilityFact.class);
        Map<EligibilityFact, TreeSet<Long>> constants = new EnumMap<>(EligibilityFact.class);
        Map<EligibilityFact, Integer> compared = new EnumMap<>(EligibilityFact.class);
        CelNavigableAst.fromAst(ast).getRoot().allNodes().map(CelNavigableExpr::expr).forEach(expr -> {
            EligibilityFact fact = factAt(ast, expr);
            if (fact != null) {
                uses.merge(fact, 1, Integer::sum);
            }
            if (expr.getKind() == CALL && COMPARISONS.contains(expr.call().function())
                    && expr.call().args().size() == 2) {
                List<CelExpr> args = expr.call().args();
                for (int side = 0; side < 2; side++) {
                    EligibilityFact compares = factAt(ast, args.get(side));
                    Long constant = intConstant(args.get(1 - side));
                    if (compares != null && constant != null) {
                        compared.merge(compares, 1, Integer::sum);
                        constants.computeIfAbsent(compares, f -> new TreeSet<>()).add(constant);
                    }
                }
            }
        });
        Map<EligibilityFact, long[]> thresholds = new EnumMap<>(EligibilityFact.class);
        uses.forEach((fact, count) -> {
            if (count.equals(compared.get(fact))) {
                thresholds.put(fact, constants.get(fact).stream().mapToLong(Long::longValue).toArray());
            }
        });
        return thresholds;
    }

    private static EligibilityFact factAt(CelAbstractSyntaxTree ast, CelExpr expr) {
        return ast.getReference(expr.id()).map(CelReference::name).map(EligibilityFact::byVariable).orElse(null);
    }

    /** An int literal, negative ones included (which the parser may leave as a negation of a literal). */
    private static Long intConstant(CelExpr expr) {
        if (expr.getKind() == CONSTANT && expr.constant().getKind() == CelConstant.Kind.INT64_VALUE) {
            return expr.constant().int64Value();
        }
        if (expr.getKind() == CALL && expr.call().function().equals(Operator.NEGATE.getFunction())
                && expr.call().args().size() == 1) {
            Long negated = intConstant(expr.call().args().get(0));
            return negated == null ? null : -negated;
        }
        return null;
    }

    /** CEL reports an unknown fact as an undeclared reference to 'applicant'; name the culprit for the editor. */
    private static String unknownFactsNote(String expression) {
        Matcher matcher = FACT_REFERENCE.matcher(expression);
        List<String> unknown = matcher.results()
                .map(match -> match.group(1))
                .filter(name -> EligibilityFact.byName(name).isEmpty())
                .distinct()
                .map(name -> EligibilityFact.NAMESPACE + "." + name)
                .toList();
        return unknown.isEmpty() ? "" : "\nunknown fact " + String.join(", ", unknown) + "; known facts are "
                + Arrays.stream(EligibilityFact.values()).map(EligibilityFact::factName).toList();
    }

    /**
     * A comparison of an enum-valued fact with a string it can never hold ({@code applicant.degree == 'BACHLOR'})
     * type-checks but silently never matches; report it as a compilation error instead.
     */
    private static Optional<String> impossibleValue(CelAbstractSyntaxTree ast) {
        return CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .filter(node -> node.getKind() == CALL)
                .map(CelNavigableExpr::expr)
                .flatMap(call -> comparedLiterals(ast, call.call()))
                .filter(comparison -> !comparison.fact().allowedValues().isEmpty()
                        && !comparison.fact().allowedValues().contains(comparison.literal()))
                .map(comparison -> "'" + comparison.literal() + "' is not a value of " + comparison.fact().variable()
                        + "; it is one of " + comparison.fact().allowedValues())
                .findFirst();
    }

    private record Comparison(EligibilityFact fact, String literal) {
    }

    private static Stream<Comparison> comparedLiterals(CelAbstractSyntaxTree ast, CelExpr.CelCall call) {
        String function = call.function();
        List<CelExpr> args = call.args();
        if (function.equals(Operator.EQUALS.getFunction()) || function.equals(Operator.NOT_EQUALS.getFunction())) {
            return Stream.concat(comparison(ast, args.get(0), args.get(1)), comparison(ast, args.get(1), args.get(0)));
        }
        if (function.equals(Operator.IN.getFunction()) && args.get(1).getKind() == LIST) {
            return args.get(1).list().elements().stream().flatMap(element -> comparison(ast, args.get(0), element));
        }
        return Stream.empty();
    }

    private static Stream<Comparison> comparison(CelAbstractSyntaxTree ast, CelExpr factSide, CelExpr literalSide) {
        EligibilityFact fact = ast.getReference(factSide.id()).map(CelReference::name)
                .map(EligibilityFact::byVariable).orElse(null);
        boolean stringLiteral = literalSide.getKind() == CONSTANT
                && literalSide.constant().getKind() == CelConstant.Kind.STRING_VALUE;
        return fact != null && stringLiteral
                ? Stream.of(new Comparison(fact, literalSide.constant().stringValue()))
                : Stream.empty();
    }

    /**
     * Runs a CEL program over the applicant's facts. Facts not given are CEL unknowns ({@link CelActivation}): the
     * result is a Boolean or Long when the rule is decided despite them, an unknown set when it is not. Evaluation
     * errors (an overflow, say) are undecided too. Not private: tests run its program over other activations.
     */
    record CelEvaluator(CelRuntime.Program program) implements RuleEvaluator {

        @Override
        public Object evaluate(DerivedFacts facts) {
            try {
                Object result = program.eval(facts.activation);
                return result instanceof Boolean || result instanceof Long ? result : null;
            } catch (CelEvaluationException e) {
                return null;
            }
        }
    }
}
