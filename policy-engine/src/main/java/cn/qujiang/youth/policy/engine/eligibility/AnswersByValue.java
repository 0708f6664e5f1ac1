package cn.qujiang.youth.policy.engine.eligibility;

/**
 * The answers of a rule that reads one int fact and only compares it with constants ({@code applicant.age >= 18 &&
 * applicant.age <= 35}), worked out once when the rule is compiled. Such a rule gives the same answer for every value
 * below the lowest constant, at each constant, between two neighbouring ones and above the highest, so evaluating it
 * on one value of each of those stretches answers it for any value. Asking it on another day then costs deriving that
 * one fact instead of a copy of the facts and an evaluation: most failing criteria that time can change are of this
 * kind (ages, months of insurance, a start-up's age, children under three).
 *
 * @param thresholds the constants, ascending and distinct
 * @param passes     per stretch: below {@code thresholds[i]} at {@code 2i}, at it at {@code 2i + 1}, above all at
 *                   {@code 2 * thresholds.length}
 */
record AnswersByValue(EligibilityFact fact, long[] thresholds, boolean[] passes) implements RuleAnswers {

    /**
     * The answers of a rule reading only the int {@code fact}, which it compares with {@code constants} only (null
     * when it uses it otherwise); null if it cannot be tabulated.
     */
    static AnswersByValue of(EligibilityFact fact, long[] constants, RuleEvaluator evaluator) {
        // A value below the lowest and one above the highest constant must exist.
        if (constants == null || constants.length == 0 || constants[0] == Long.MIN_VALUE
                || constants[constants.length - 1] == Long.MAX_VALUE) {
            return null;
        }
        boolean[] passes = new boolean[2 * constants.length + 1];
        for (int stretch = 0; stretch < passes.length; stretch++) {
            Long value = representative(constants, stretch);
            if (value != null) {
                Boolean passed = RuleAnswers.evaluate(evaluator, fact, value);
                if (passed == null) {
                    return null;
                }
                passes[stretch] = passed;
            }
        }
        return new AnswersByValue(fact, constants, passes);
    }

    @Override
    public boolean passes(Object value) {
        return value instanceof Long number && passes(number.longValue());
    }

    /**
     * The lowest value above {@code value} at which the rule passes, or null: the value after it, or the first of a
     * later stretch (a constant, or the value after one).
     */
    Long nextPassing(long value) {
        if (passes(value + 1)) {
            return value + 1;
        }
        for (long threshold : thresholds) {
            if (threshold > value + 1 && passes(threshold)) {
                return threshold;
            }
            if (threshold + 1 > value + 1 && passes(threshold + 1)) {
                return threshold + 1;
            }
        }
        return null;
    }

    /**
     * The highest value below {@code value} at which the rule passes, or null: the value before it, or the last of an
     * earlier stretch (a constant, or the value before one).
     */
    Long lastPassing(long value) {
        if (passes(value - 1)) {
            return value - 1;
        }
        for (int i = thresholds.length - 1; i >= 0; i--) {
            if (thresholds[i] < value - 1 && passes(thresholds[i])) {
                return thresholds[i];
            }
            if (thresholds[i] - 1 < value - 1 && passes(thresholds[i] - 1)) {
                return thresholds[i] - 1;
            }
        }
        return null;
    }

    private boolean passes(long value) {
        return passes[stretch(thresholds, value)];
    }

    private static int stretch(long[] thresholds, long value) {
        for (int i = 0; i < thresholds.length; i++) {
            if (value <= thresholds[i]) {
                return value == thresholds[i] ? 2 * i + 1 : 2 * i;
            }
        }
        return 2 * thresholds.length;
    }

    /** A value in the stretch, or null for the empty stretch between two neighbouring constants. */
    private static Long representative(long[] thresholds, int stretch) {
        int i = stretch / 2;
        if (stretch % 2 == 1) {
            return thresholds[i];
        }
        if (i == thresholds.length) {
            return thresholds[i - 1] + 1;
        }
        return i > 0 && thresholds[i] - thresholds[i - 1] < 2 ? null : thresholds[i] - 1;
    }
}
