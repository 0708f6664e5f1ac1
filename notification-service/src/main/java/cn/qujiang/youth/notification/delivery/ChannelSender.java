package cn.qujiang.youth.notification.delivery;

import cn.qujiang.youth.notification.message.Channel;
import java.util.Locale;
import java.util.Optional;

/** Sends one delivery on its channel. Implementations throw {@link DeliveryFailure} for failures they understand. */
public interface ChannelSender {

    Channel channel();

    /**
     * @param preferredLocale the language the applicant chose for messages, if any (else their profile's)
     * @throws DeliveryFailure when the message could not be handed over; anything else counts as retryable
     */
    SendOutcome send(Delivery delivery, Optional<Locale> preferredLocale);

    /** What became of a send that did not fail. */
    sealed interface SendOutcome permits Sent, Dropped {
    }

    /** @param recipient the masked address, or null for the in-app inbox */
    record Sent(String recipient) implements SendOutcome {
    }

    /** Nothing to send, on purpose (e.g. RECIPIENT_ERASED, NO_EMAIL_ADDRESS). */
    record Dropped(String reason) implements SendOutcome {
    }
}
