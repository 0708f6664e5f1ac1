package cn.qujiang.youth.policy.engine.eligibility;

/**
 * How much the engine works out of what time alone does to the one criterion standing between an applicant and a
 * measure. Matching stores and announces outcomes and near misses, which need to know only whether waiting can ever
 * help; the days themselves ("可于 2027年3月1日 起申请", "已于 2026年5月1日 超龄") are worked out where a resident is
 * shown the results, for one applicant at a time. Results are the same in every mode but for the dates.
 */
public enum Outlooks {
    /**
     * Nothing asked of time: a failure that waiting can never mend still counts as a near miss. Only for measuring
     * what the others cost.
     */
    NONE,
    /** Whether waiting can ever mend the failure (a near miss) or not (too old): what matching stores and sends. */
    NEAR_MISS,
    /** Also the days: {@code passesFrom}, {@code failsFrom} and {@code eligibleFrom}, for results shown to someone. */
    DATES
}
