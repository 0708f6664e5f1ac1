package cn.qujiang.youth.load;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop schedule: updates arrive at a fixed rate whether or not earlier ones have finished, as residents do.
 * A closed loop (wait, then send the next) would slow down with the system and hide exactly the queueing we want to
 * see. Each arrival is one {@link Update}; residents are taken round-robin.
 */
final class OpenLoop implements AutoCloseable {
    private final Gateway gateway;
    private final Polling polling;
    private final Duration giveUp;
    private final AtomicLong next = new AtomicLong();
    // One thread fires the arrivals, one wakes the polls; neither does more than hand a request to the client.
    private final ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor(Gateway.daemon("load-arrivals"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Gateway.daemon("load-polls"));

    OpenLoop(Gateway gateway, Polling polling, Duration giveUp) {
        this.gateway = gateway;
        this.polling = polling;
        this.giveUp = giveUp;
    }

    /** Offers {@code rate} updates a second for the stage's length, then waits for those still polling. */
    Stage run(List<Resident> residents, int rate, Duration length) throws InterruptedException {
        Stage stage = new Stage(rate, length.toSeconds());
        Queue<CompletableFuture<Void>> updates = new ConcurrentLinkedQueue<>();
        // At a fixed rate, not with a fixed delay: a late tick is followed by catch-up ticks, so the offered rate holds.
        ScheduledFuture<?> firing = arrivals.scheduleAtFixedRate(() -> updates.add(new Update(
                        residents.get((int) (next.getAndIncrement() % residents.size())), stage, gateway, timer,
                        polling, giveUp).start()),
                0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(length.toMillis());
        firing.cancel(false);
        try {
            // A tick already running when the schedule was cancelled still adds its update: wait for it, or the
            // stage would count it as started without waiting for its end.
            arrivals.submit(() -> { }).get();
            // Every update ends by itself (current, refused or given up); the margin covers one request timeout.
            CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new))
                    .get(giveUp.toSeconds() + 40, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            System.err.println("load: some updates of the " + rate + "/s stage did not end: " + e);
        }
        return stage;
    }

    @Override
    public void close() {
        arrivals.shutdownNow();
        timer.shutdownNow();
    }
}
