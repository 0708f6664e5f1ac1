package cn.qujiang.youth.notification.delivery;

import java.time.Instant;

/** One try to send a delivery; {@code code} is a stable code, never a provider message that might echo an address. */
public record Attempt(Instant at, Result result, String code) {

    public enum Result { SENT, RETRYABLE_FAILURE, PERMANENT_FAILURE }
}
