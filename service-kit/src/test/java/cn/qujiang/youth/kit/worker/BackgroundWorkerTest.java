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
        CountDownLatch nextWakeUp = new CountDownLatch(1); // never counted down: only stopping ends the wait
        CountDownLatch stopped = new CountDownLatch(1);
        BackgroundWorker worker = new BackgroundWorker("test-worker", Duration.ofMillis(10)) {
            @Override
            protected void step() throws InterruptedException {
                try {
                    if (rounds.incrementAndGet() <= 2) {
                        throw new IllegalStateException("database unavailable");
                    }
                    nextWakeUp.await();
                } catch (InterruptedException e) {
                    stopped.countDown();
                    throw e;
                }
            }
        };

        worker.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 3);
        assertThat(worker.isRunning()).isTrue();

        worker.stop();
        assertThat(stopped.await(5, TimeUnit.SECONDS)).as("the waiting round was interrupted").isTrue();
        assertThat(worker.isRunning()).isFalse();
        assertThat(rounds.get()).isEqualTo(3);
    }
}
