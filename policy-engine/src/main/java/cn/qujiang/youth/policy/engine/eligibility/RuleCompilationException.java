package cn.qujiang.youth.policy.engine.eligibility;

/**
 * A measure's rule does not compile: a syntax error, an unknown fact, a wrong result type or a value a fact can never
 * have. Carries the criterion id ({@value EligibilityEngine#AMOUNT_RULE_ID} for the benefit amount) and CEL's
 * message so that an editor can show the problem next to the expression.
 */
public class RuleCompilationException extends Exception {

    private final String measureCode;
    private final String criterionId;
    private final String celMessage;

    RuleCompilationException(String measureCode, String criterionId, String celMessage) {
        super("measure " + measureCode + ", rule '" + criterionId + "': " + celMessage);
        this.measureCode = measureCode;
        this.criterionId = criterionId;
        this.celMessage = celMessage;
    }

    public String measureCode() {
        return measureCode;
    }

    public String criterionId() {
        return criterionId;
    }

    public String celMessage() {
        return celMessage;
    }
}
