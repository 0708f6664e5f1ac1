package cn.qujiang.youth.infra;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a readiness condition; start-up code has no Awaitility. */
final class Await {
    private Await() {
    }

    static void until(String what, Duration timeout, BooleanSupplier ready, BooleanSupplier stillRunning) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!stillRunning.getAsBoolean()) {
                throw new InfraException(what + " stopped during start-up");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfraException("interrupted while waiting for " + what, e);
            }
        }
        throw new InfraException(what + " was not ready within " + timeout.toSeconds() + " s");
    }
}
