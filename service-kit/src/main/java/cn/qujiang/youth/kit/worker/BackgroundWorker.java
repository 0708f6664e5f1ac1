package cn.qujiang.youth.kit.worker;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One daemon thread, started and stopped with the application, that repeats {@link #step} for as long as it runs:
 * the outbox relay and the notification dispatcher both work this way. A step does its work and then waits for the
 * next wake-up or poll. A failing step (MongoDB or Kafka unavailable) is logged by exception type only, since
 * messages can quote data, and retried after a short pause; the work itself lives in documents, so nothing is lost
 * meanwhile.
 */
public abstract class BackgroundWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);

    private final String name;
    private final Duration pauseAfterFailure;
    private volatile boolean running;
    private Thread thread;

    protected BackgroundWorker(String name, Duration pauseAfterFailure) {
        this.name = name;
        this.pauseAfterFailure = pauseAfterFailure;
    }

    /** One round of work, including the wait for the next one. */
    protected abstract void step() throws InterruptedException;

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} paused for {} ms: {}", name, pauseAfterFailure.toMillis(), e.getClass().getSimpleName());
                try {
                    Thread.sleep(pauseAfterFailure.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
