package cn.qujiang.youth.notification.contacts;

import cn.qujiang.youth.notification.delivery.ChannelSender;
import cn.qujiang.youth.notification.delivery.Delivery;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A channel that sends to one of the applicant's addresses, as talent-service holds it at send time (nothing of it is
 * stored here): an erased applicant gets nothing, and neither does one who never gave this channel's address.
 */
public abstract class ContactChannelSender implements ChannelSender {
    private final ContactDirectory contacts;
    private final Function<Contact, String> address;
    private final UnaryOperator<String> mask;
    private final String noAddressReason;

    /**
     * @param address         this channel's address of a contact, null when they gave none
     * @param mask            the form of the address the delivery log may keep
     * @param noAddressReason why nothing is sent without one, e.g. NO_EMAIL_ADDRESS
     */
    protected ContactChannelSender(ContactDirectory contacts, Function<Contact, String> address,
            UnaryOperator<String> mask, String noAddressReason) {
        this.contacts = contacts;
        this.address = address;
        this.mask = mask;
        this.noAddressReason = noAddressReason;
    }

    /** Sends to {@code to} in {@code locale}; {@code recipient} is the masked address for the delivery log. */
    protected abstract SendOutcome send(Delivery delivery, Contact contact, String to, String recipient,
            Locale locale);

    @Override
    public final SendOutcome send(Delivery delivery, Optional<Locale> preferredLocale) {
        Optional<Contact> found = contacts.find(delivery.applicantId());
        if (found.isEmpty()) {
            return new Dropped("RECIPIENT_ERASED");
        }
        Contact contact = found.get();
        String to = address.apply(contact);
        if (to == null || to.isBlank()) {
            return new Dropped(noAddressReason);
        }
        return send(delivery, contact, to, mask.apply(to), contact.messageLocale(preferredLocale));
    }
}
