package cn.qujiang.youth.talent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The district's time zone: "today" for windows, deadlines and ages is the date in Asia/Shanghai, whatever zone the
 * server runs in. Instants are kept to milliseconds, the precision MongoDB stores, so a value read back compares
 * equal to the one written.
 */
public final class ServiceZone {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ServiceZone() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
