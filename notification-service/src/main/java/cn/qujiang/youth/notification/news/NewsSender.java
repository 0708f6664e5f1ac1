package cn.qujiang.youth.notification.news;

import cn.qujiang.youth.kit.worker.BackgroundWorker;
import cn.qujiang.youth.notification.delivery.NotificationPlanner;
import cn.qujiang.youth.notification.message.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Turns news whose time has come into one planned message per applicant. The message's id is the news document's
 * id and lock: a crash after planning and before {@link NewsStore#told} plans the same id again, which the planner
 * drops as a duplicate, so nothing is told twice; nothing is lost either, since the news stays until it is told.
 */
@Component
class NewsSender extends BackgroundWorker {
    private final NewsStore store;
    private final NotificationPlanner planner;
    private final NewsProperties properties;
    private final Clock clock;

    NewsSender(NewsStore store, NotificationPlanner planner, NewsProperties properties, Clock clock) {
        super("news-sender", Duration.ofSeconds(2));
        this.store = store;
        this.planner = planner;
        this.properties = properties;
        this.clock = clock;
    }

    /** Tells everything due now; returns how many messages were planned. */
    int tellDue() {
        int told = 0;
        for (EligibilityNews news : store.due(clock.instant())) {
            planner.plan("news-" + news.applicantId() + "-" + news.lock(), news.applicantId(), news.firstAt(),
                    Message.newlyEligible(news.measures()));
            store.told(news, clock.instant());
            told++;
        }
        return told;
    }

    @Override
    protected void step() throws InterruptedException {
        tellDue();
        TimeUnit.MILLISECONDS.sleep(properties.pollInterval().toMillis());
    }
}
