package cn.qujiang.youth.notification.inbox;

import cn.qujiang.youth.notification.delivery.ChannelSender;
import cn.qujiang.youth.notification.delivery.Delivery;
import cn.qujiang.youth.notification.message.Channel;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** "Sending" in-app is writing the inbox entry; it needs no contact details. */
@Component
class InAppSender implements ChannelSender {
    private final Inbox inbox;

    InAppSender(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public SendOutcome send(Delivery delivery, Optional<Locale> preferredLocale) {
        inbox.add(new InboxItem(delivery.id(), delivery.applicantId(), delivery.message(), delivery.createdAt(), null));
        return new Sent(null);
    }
}
