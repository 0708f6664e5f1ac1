package cn.qujiang.youth.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Real time moved by a chosen amount, for tests of what happens "next month" or "at 23:00 in Shanghai" without
 * waiting: a service given this clock as its {@code Clock} bean lives at the shifted time while everything else
 * (Kafka, the database, timeouts) keeps running on real time.
 */
public final class ShiftableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public ShiftableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on the clock reads {@code now}, and runs on from there. */
    public void setTo(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public void shift(Duration amount) {
        offset = offset.plus(amount);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        throw new UnsupportedOperationException("one shared clock: shift it rather than copy it");
    }
}
