package cn.qujiang.youth.notification.delivery;

import cn.qujiang.youth.kit.worker.BackgroundWorker;
import cn.qujiang.youth.notification.delivery.ChannelSender.Dropped;
import cn.qujiang.youth.notification.delivery.ChannelSender.SendOutcome;
import cn.qujiang.youth.notification.delivery.ChannelSender.Sent;
import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.preferences.ApplicantPreferences;
import cn.qujiang.youth.notification.preferences.PreferencesService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends every delivery that is due: right after planning (the planner wakes it) and on a fixed poll, which also
 * finds retries whose back-off has passed, SMS held back by quiet hours, and whatever a restart or a crashed peer
 * left behind. All state lives in the delivery documents, so nothing here has to survive a restart.
 */
@Component
public class DeliveryDispatcher extends BackgroundWorker {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryStore store;
    private final PreferencesService preferences;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryProperties properties;
    private final RetryPolicy retryPolicy;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);

    DeliveryDispatcher(DeliveryStore store, PreferencesService preferences, List<ChannelSender> senders,
            DeliveryProperties properties, DeliveryMetrics metrics, Clock clock) {
        // MongoDB unavailable: claimed deliveries come back after their lease, the next round retries.
        super("delivery-dispatcher", Duration.ofMillis(Math.min(2000, properties.pollInterval().toMillis())));
        this.store = store;
        this.preferences = preferences;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.properties = properties;
        this.retryPolicy = new RetryPolicy(properties);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Asks for a dispatch run now instead of at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    /** Sends everything due now, one claimed delivery at a time; returns how many were handled. */
    int dispatchDue() {
        int handled = 0;
        Optional<Delivery> next;
        while (isRunning() && (next = store.claimNextDue(clock.instant(), properties.lease())).isPresent()) {
            handle(next.get());
            handled++;
        }
        return handled;
    }

    @Override
    protected void step() throws InterruptedException {
        dispatchDue();
        wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
    }

    private void handle(Delivery delivery) {
        Instant now = clock.instant();
        ApplicantPreferences chosen = preferences.of(delivery.applicantId());
        if (!chosen.allows(delivery.message().category(), delivery.channel())) {
            drop(delivery, "OPTED_OUT", now);
            return;
        }
        Instant earliest = chosen.earliestSend(delivery.channel(), now);
        if (earliest.isAfter(now)) {
            store.defer(delivery, earliest);
            return;
        }
        try {
            SendOutcome outcome = sender(delivery.channel()).send(delivery, chosen.preferredLocale());
            if (outcome instanceof Sent sent) {
                store.sent(delivery, sent.recipient(), now);
                metrics.sent(delivery.channel());
            } else if (outcome instanceof Dropped dropped) {
                drop(delivery, dropped.reason(), now);
            }
        } catch (DeliveryFailure failure) {
            failed(delivery, failure.permanent(), failure.code(), failure.recipient(), now);
        } catch (RuntimeException e) {
            failed(delivery, false, e.getClass().getSimpleName(), null, now);
        }
    }

    private void failed(Delivery delivery, boolean permanent, String code, String recipient, Instant now) {
        int failures = delivery.attempts().size() + 1;
        Optional<Instant> retryAt = permanent ? Optional.empty() : retryPolicy.nextAttempt(failures, now);
        Attempt attempt = new Attempt(now, permanent ? Attempt.Result.PERMANENT_FAILURE
                : Attempt.Result.RETRYABLE_FAILURE, code);
        if (retryAt.isPresent()) {
            log.info("delivery {} ({}) failed with {}, attempt {}; retrying at {}", delivery.id(), delivery.channel(),
                    code, failures, retryAt.get());
            store.retry(delivery, attempt, recipient, retryAt.get());
        } else {
            log.warn("delivery {} ({}) FAILED with {} after {} attempt(s)", delivery.id(), delivery.channel(), code,
                    failures);
            store.fail(delivery, attempt, recipient, now);
            metrics.failed(delivery.channel());
        }
    }

    private void drop(Delivery delivery, String reason, Instant now) {
        log.info("delivery {} ({}) dropped: {}", delivery.id(), delivery.channel(), reason);
        store.drop(delivery, reason, now);
        metrics.dropped(delivery.channel());
    }

    private ChannelSender sender(Channel channel) {
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            throw DeliveryFailure.permanent("NO_SENDER_FOR_" + channel, null, null);
        }
        return sender;
    }
}
