package cn.qujiang.youth.talent.admission;

import cn.qujiang.youth.kit.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * How far the matching is behind, as the results of recent profile saves show, and whether one more save is taken.
 *
 * <p>A save is cheap; what it sets off is not (evaluating 40 measures, storing, telling and counting the results:
 * most of a save's CPU). Past what the machine can match, every save taken makes every later resident wait longer
 * for their results, until the app's waits and the gateway's timeouts run out for everyone at once. So when the
 * results of recent saves took longer than {@code targetDelay} to be stored here, a share of saves is refused at
 * once with 503 {@code OVERLOADED} and {@code Retry-After} (the app tries once more after it, then says the service
 * is busy): none at the target delay, all at twice it. The saves taken are matched within about the target delay,
 * and a refusal costs the machine little.
 *
 * <p>The delay believed is the shortest of a whole window (as in CoDel): one resident's slow result is not a queue,
 * but when even the quickest took too long, saves are waiting behind each other. A window with fewer than
 * {@code minResults} saves' results says nothing (nobody saving, everything refused and drained, or a few late
 * results after a service was down). Results of a re-match (a catalogue change, the daily sweep) are not saves'
 * results; while they flow, saves' results queue behind thousands of them, and refusing saves would not shorten that
 * queue, so nothing is refused then. Each instance judges by the results its own match listener stores, a share of
 * all of them. Gauge {@code talent.matching.delay} (seconds, the delay believed now), counter
 * {@code talent.profile.saves.refused}.
 */
@Component
public class MatchingBacklog {
    private static final long MAX_RETRY_AFTER_SECONDS = 30;

    private final Clock clock;
    private final long targetMillis;
    private final long windowMillis;
    private final int minResults;
    private final Counter refused;

    private long windowStart;
    private long windowShortest = Long.MAX_VALUE;
    private int windowResults;
    /** The shortest delay of the window that ended at {@link #windowStart}; -1: that window says nothing. */
    private long lastShortest = -1;
    private long rematchSeenAt = Long.MIN_VALUE / 2;

    MatchingBacklog(Clock clock, SaveAdmissionProperties properties, MeterRegistry meters) {
        this.clock = clock;
        this.targetMillis = properties.targetDelay().toMillis();
        this.windowMillis = properties.window().toMillis();
        this.minResults = properties.minResults();
        this.windowStart = clock.millis();
        Gauge.builder("talent.matching.delay", this, backlog -> backlog.delay().toMillis() / 1000.0)
                .baseUnit("seconds").description("how long saves' results take to be stored, as the save admission "
                        + "believes it now").register(meters);
        this.refused = Counter.builder("talent.profile.saves.refused")
                .description("profile saves refused while the matching was behind").register(meters);
    }

    /** Results of a saved profile version were stored, {@code delay} after the save. */
    public synchronized void savedResultsStored(Duration delay) {
        roll(clock.millis());
        windowShortest = Math.min(windowShortest, Math.max(0, delay.toMillis()));
        windowResults++;
    }

    /** Results of a re-match (not of a save) were stored. */
    public synchronized void rematchResultsStored() {
        rematchSeenAt = clock.millis();
    }

    /** How long saves' results have been taking, as believed now (zero when nothing shows a queue). */
    public synchronized Duration delay() {
        long now = clock.millis();
        roll(now);
        boolean rematching = now - rematchSeenAt < 2 * windowMillis;
        return Duration.ofMillis(rematching || lastShortest < 0 ? 0 : lastShortest);
    }

    /** Throws 503 OVERLOADED with Retry-After when this save is one of those to refuse. */
    public void admitSave() {
        admitSave(ThreadLocalRandom.current().nextDouble());
    }

    /** The same with the save's draw in [0, 1) given: it is refused when the draw is below the share refused. */
    void admitSave(double draw) {
        if (targetMillis == 0) {
            return;
        }
        long excess = delay().toMillis() - targetMillis;
        if (excess > 0 && draw < (double) excess / targetMillis) {
            long seconds = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, (excess + 999) / 1000));
            refused.increment();
            throw ApiException.unavailable("OVERLOADED", Duration.ofSeconds(seconds));
        }
    }

    private void roll(long now) {
        if (now - windowStart < windowMillis) {
            return;
        }
        boolean justEnded = now - windowStart < 2 * windowMillis;
        lastShortest = justEnded && windowResults >= minResults ? windowShortest : -1;
        windowStart = justEnded ? windowStart + windowMillis : now;
        windowShortest = Long.MAX_VALUE;
        windowResults = 0;
    }
}
