package cn.qujiang.youth.notification.channel.sms;

import cn.qujiang.youth.notification.channel.sms.SmsProvider.SmsRequest;
import cn.qujiang.youth.notification.contacts.Contact;
import cn.qujiang.youth.notification.contacts.ContactDirectory;
import cn.qujiang.youth.notification.contacts.Masking;
import cn.qujiang.youth.notification.delivery.ChannelSender;
import cn.qujiang.youth.notification.delivery.Delivery;
import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.templates.MessageTemplates;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** SMS to the phone number talent-service holds at send time, kept to one segment where possible. */
@Component
class SmsSender implements ChannelSender {
    private final SmsProvider provider;
    private final ContactDirectory contacts;
    private final MessageTemplates templates;
    private final SmsProperties properties;

    SmsSender(SmsProvider provider, ContactDirectory contacts, MessageTemplates templates, SmsProperties properties) {
        this.provider = provider;
        this.contacts = contacts;
        this.templates = templates;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(Delivery delivery, Optional<Locale> preferredLocale) {
        Optional<Contact> found = contacts.find(delivery.applicantId());
        if (found.isEmpty()) {
            return new Dropped("RECIPIENT_ERASED");
        }
        Contact contact = found.get();
        if (contact.phone() == null || contact.phone().isBlank()) {
            return new Dropped("NO_PHONE_NUMBER");
        }
        Locale locale = contact.messageLocale(preferredLocale);
        String recipient = Masking.phone(contact.phone());
        SmsRequest request = new SmsRequest(contact.phone(), properties.signName(),
                properties.templateId(delivery.message().kind()),
                templates.smsParameters(delivery.message(), locale),
                templates.sms(delivery.message(), locale, properties.signName(), properties.maxLength()));
        provider.send(request, delivery.id(), recipient);
        return new Sent(recipient);
    }
}
