package cn.qujiang.youth.load;

import java.time.Duration;

/**
 * How a resident asks for the match status after a save, as the mobile app does: asking talent-service to wait up to
 * {@code waitSeconds} for the saved version's results, again at once after such a wait, else no sooner than
 * {@code interval} after the last question. {@code waitSeconds} 0: no waiting, a question every {@code interval}
 * (how the app asked before the status could wait).
 */
record Polling(Duration interval, int waitSeconds) {

    boolean waits() {
        return waitSeconds > 0;
    }
}
