package cn.qujiang.youth.kit.worker;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that repeats a step for as long as its owner runs: the outbox relay and the notification
 * dispatcher both work this way. The step does its work and then waits for the next wake-up or poll. A failing step
 * (MongoDB or Kafka unavailable) is logged by exception type only, since messages can quote data, and retried after
 * a short pause; the work itself lives in documents, so nothing is lost meanwhile.
 */
public final class BackgroundWorker {
    private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);

    /** One round of work, including the wait for the next one. */
    @FunctionalInterface
    public interface Step {
        void run() throws InterruptedException;
    }

    private final String name;
    private final Step step;
    private final Duration pauseAfterFailure;
    private volatile boolean running;
    private Thread thread;

    public BackgroundWorker(String name, Step step, Duration pauseAfterFailure) {
        this.name = name;
        this.step = step;
        this.pauseAfterFailure = pauseAfterFailure;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                step.run();
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
