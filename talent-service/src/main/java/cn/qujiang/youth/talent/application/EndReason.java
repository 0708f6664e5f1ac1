package cn.qujiang.youth.talent.application;

/**
 * Why an HR officer ends a granted benefit before its term runs out; words in {@code reason.<code>} of the message
 * bundles (and notification-service's), the code alone in events.
 */
enum EndReason {
    NO_LONGER_QUALIFIES, FALSE_MATERIALS, RESIDENT_REQUEST, POLICY_ENDED;

    /** The codes as a validation pattern (annotations need a constant); {@code EndReasonTest} keeps it in step. */
    static final String CODES = "NO_LONGER_QUALIFIES|FALSE_MATERIALS|RESIDENT_REQUEST|POLICY_ENDED";
}
