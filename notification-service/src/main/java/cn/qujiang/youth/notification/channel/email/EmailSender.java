package cn.qujiang.youth.notification.channel.email;

import cn.qujiang.youth.notification.contacts.Contact;
import cn.qujiang.youth.notification.contacts.ContactChannelSender;
import cn.qujiang.youth.notification.contacts.ContactDirectory;
import cn.qujiang.youth.notification.contacts.Masking;
import cn.qujiang.youth.notification.delivery.Delivery;
import cn.qujiang.youth.notification.delivery.DeliveryFailure;
import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.templates.MessageTemplates;
import cn.qujiang.youth.notification.templates.RenderedEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail over SMTP, HTML with a plain-text alternative, to the address talent-service holds at send time. */
@Component
class EmailSender extends ContactChannelSender {
    private final JavaMailSender mail;
    private final MessageTemplates templates;
    private final EmailProperties properties;

    EmailSender(JavaMailSender mail, ContactDirectory contacts, MessageTemplates templates,
            EmailProperties properties) {
        super(contacts, Contact::email, Masking::email, "NO_EMAIL_ADDRESS");
        this.mail = mail;
        this.templates = templates;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    protected SendOutcome send(Delivery delivery, Contact contact, String to, String recipient, Locale locale) {
        RenderedEmail email = templates.email(delivery.message(), locale, contact.name());
        try {
            mail.send(mime(to, email));
            return new Sent(recipient);
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw DeliveryFailure.permanent("EMAIL_ADDRESS_INVALID", recipient, e);
        } catch (MailException e) {
            throw DeliveryFailure.retryable("SMTP_UNAVAILABLE", recipient, e);
        }
    }

    private MimeMessage mime(String to, RenderedEmail email) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                "UTF-8");
        try {
            helper.setFrom(properties.from(), properties.fromName());
        } catch (UnsupportedEncodingException e) {
            throw new MailPreparationException("sender name not encodable", e);
        }
        helper.setTo(to);
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        return message;
    }
}
