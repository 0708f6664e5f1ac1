package cn.qujiang.youth.notification.delivery;

/** Where a delivery stands; SENT, FAILED and DROPPED are final. */
public enum DeliveryStatus {
    /** Waiting for its next attempt at {@code nextAttemptAt} (first attempt, retry or the end of quiet hours). */
    PENDING,
    SENT,
    /** Attempts exhausted or refused for good: listed for HR follow-up. */
    FAILED,
    /** Not sent on purpose: the applicant opted out meanwhile, has no such address, or was erased. */
    DROPPED
}
