package cn.qujiang.youth.policy.engine.eligibility;

/**
 * Evaluates one compiled rule against an applicant: a Boolean for a criterion, a Long for an amount, or null when
 * the rule cannot be decided (a fact it needs is not given, or evaluation failed). CEL in production; the benchmark
 * plugs in hand-written Java and SpEL so that all three share the same outcome logic.
 */
@FunctionalInterface
interface RuleEvaluator {

    Object evaluate(DerivedFacts facts);
}
