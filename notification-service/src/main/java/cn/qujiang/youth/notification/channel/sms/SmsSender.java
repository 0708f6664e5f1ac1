package cn.qujiang.youth.notification.channel.sms;

import cn.qujiang.youth.notification.channel.sms.SmsProvider.SmsRequest;
import cn.qujiang.youth.notification.contacts.Contact;
import cn.qujiang.youth.notification.contacts.ContactChannelSender;
import cn.qujiang.youth.notification.contacts.ContactDirectory;
import cn.qujiang.youth.notification.contacts.Masking;
import cn.qujiang.youth.notification.delivery.Delivery;
import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.templates.MessageTemplates;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** SMS to the phone number talent-service holds at send time, kept to one segment where possible. */
@Component
class SmsSender extends ContactChannelSender {
    private final SmsProvider provider;
    private final MessageTemplates templates;
    private final SmsProperties properties;

    SmsSender(SmsProvider provider, ContactDirectory contacts, MessageTemplates templates, SmsProperties properties) {
        super(contacts, Contact::phone, Masking::phone, "NO_PHONE_NUMBER");
        this.provider = provider;
        this.templates = templates;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    protected SendOutcome send(Delivery delivery, Contact contact, String to, String recipient, Locale locale) {
        SmsRequest request = new SmsRequest(to, properties.signName(),
                properties.templateId(delivery.message().kind()),
                templates.smsParameters(delivery.message(), locale),
                templates.sms(delivery.message(), locale, properties.signName(), properties.maxLength()));
        provider.send(request, delivery.id(), recipient);
        return new Sent(recipient);
    }
}
