package cn.qujiang.youth.notification.delivery;

/**
 * A send that did not go through. Permanent failures (the provider refused the request, the address is invalid) are
 * not retried; the others are, with back-off. The message is a stable code, safe to store and log.
 */
public class DeliveryFailure extends RuntimeException {
    private final boolean permanent;
    private final String recipient;

    private DeliveryFailure(String code, boolean permanent, String recipient, Throwable cause) {
        super(code, cause);
        this.permanent = permanent;
        this.recipient = recipient;
    }

    public static DeliveryFailure retryable(String code, String maskedRecipient, Throwable cause) {
        return new DeliveryFailure(code, false, maskedRecipient, cause);
    }

    public static DeliveryFailure permanent(String code, String maskedRecipient, Throwable cause) {
        return new DeliveryFailure(code, true, maskedRecipient, cause);
    }

    public String code() {
        return getMessage();
    }

    public boolean permanent() {
        return permanent;
    }

    /** The masked address tried, or null when the failure came before one was known. */
    public String recipient() {
        return recipient;
    }
}
