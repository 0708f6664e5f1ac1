package cn.qujiang.youth.kit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundWorkerTest {

    @Test
    void keepsWorkingAfterAFailingRoundAndStopsWhenAsked() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch stopped = new CountDownLatch(1);
        BackgroundWorker worker = new BackgroundWorker("test-worker", () -> {
            try {
                if (rounds.incrementAndGet() <= 2) {
                    throw new IllegalStateException("database unavailable");
                }
                Thread.sleep(Duration.ofMinutes(1).toMillis()); // waiting for the next wake-up
            } catch (InterruptedException e) {
                stopped.countDown();
                throw e;
            }
        }, Duration.ofMillis(10));

        worker.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 3);
        assertThat(worker.isRunning()).isTrue();

        worker.stop();
        assertThat(stopped.await(5, TimeUnit.SECONDS)).as("the waiting round was interrupted")
                .isTrue();
        assertThat(worker.isRunning()).isFalse();
        assertThat(rounds.get()).isEqualTo(3);
    }
}
