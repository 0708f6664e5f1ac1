package cn.qujiang.youth.notification.delivery;

import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.message.Message;
import cn.qujiang.youth.notification.preferences.ApplicantPreferences;
import cn.qujiang.youth.notification.preferences.PreferencesService;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns one inbound event into one delivery per channel the applicant wants for its category. Planning is
 * idempotent per (event, channel), so listeners may be retried and events redelivered without a second message.
 */
@Component
public class NotificationPlanner {
    private static final Logger log = LoggerFactory.getLogger(NotificationPlanner.class);

    private final DeliveryStore store;
    private final PreferencesService preferences;
    private final ErasedApplicants erased;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    NotificationPlanner(DeliveryStore store, PreferencesService preferences, ErasedApplicants erased,
            DeliveryDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.preferences = preferences;
        this.erased = erased;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * @param eventId    the CloudEvents id: the idempotency key
     * @param occurredAt when the event happened (an event older than the applicant's erasure is ignored)
     */
    public void plan(String eventId, String applicantId, Instant occurredAt, Message message) {
        if (erased.erasedAfter(applicantId, occurredAt)) {
            log.info("event {} concerns an erased applicant: nothing to send", eventId);
            return;
        }
        ApplicantPreferences chosen = preferences.of(applicantId);
        Instant now = clock.instant();
        boolean planned = false;
        for (Channel channel : Channel.values()) {
            if (chosen.allows(message.category(), channel)) {
                planned |= store.insertIfAbsent(Delivery.planned(eventId, applicantId, channel, message, now,
                        chosen.earliestSend(channel, now)));
            }
        }
        if (planned) {
            dispatcher.wake();
        } else {
            log.debug("event {} planned nothing new", eventId);
        }
    }
}
