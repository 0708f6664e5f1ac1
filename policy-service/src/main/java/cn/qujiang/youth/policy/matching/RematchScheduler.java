package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.catalogue.CatalogueChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When to re-match: after a publish or retirement, at the daily sweep, at start-up (finishing whatever a crash
 * interrupted) and periodically (catching a publish made by another instance). Runs happen one at a time on one
 * worker thread; requests during a run coalesce into one more run. Across instances a run holds the sweep lock
 * {@value #LOCK}: while another instance runs, a request here is dropped — whoever is behind when that run ends (a
 * publish it had not seen yet) is found by the next catch-up on either instance.
 */
@Component
class RematchScheduler implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RematchScheduler.class);

    static final String LOCK = "policy.rematch";
    /** Far beyond a run (100,000 applicants: about a minute); how long a crashed instance keeps others waiting. */
    private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(30);

    private final Rematch rematch;
    private final ActiveCatalogue catalogue;
    private final LockingTaskExecutor locks;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rematch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    RematchScheduler(Rematch rematch, ActiveCatalogue catalogue, LockingTaskExecutor locks) {
        this.rematch = rematch;
        this.catalogue = catalogue;
        this.locks = locks;
    }

    @EventListener
    void catalogueChanged(CatalogueChanged changed) {
        request();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        request();
    }

    @Scheduled(cron = "${qujiang.policy.matching.sweep-cron:0 30 0 * * *}",
            zone = "${qujiang.policy.zone:Asia/Shanghai}")
    void dailySweep() {
        request();
    }

    @Scheduled(fixedDelayString = "${qujiang.policy.matching.catch-up-interval:30s}",
            initialDelayString = "${qujiang.policy.matching.catch-up-interval:30s}")
    void catchUp() {
        catalogue.refresh();
        request();
    }

    /** Asks for a run; a run already queued serves this request too. */
    void request() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            queued.set(false);
            running.set(true);
            try {
                locks.executeWithLock((Runnable) rematch::run,
                        new LockConfiguration(Instant.now(), LOCK, LOCK_AT_MOST_FOR, Duration.ZERO));
            } catch (RuntimeException e) {
                // MongoDB or the catalogue unavailable: everyone behind stays behind and the catch-up retries.
                log.warn("re-match interrupted: {}", e.getMessage());
            } finally {
                running.set(false);
            }
        });
    }

    /** Whether a run is under way on this instance (another instance may run one too; the counts tell). */
    boolean running() {
        return running.get();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
