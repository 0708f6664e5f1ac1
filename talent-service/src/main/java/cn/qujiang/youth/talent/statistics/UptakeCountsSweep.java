package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.talent.ServiceZone;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the uptake counts at start-up when the database has none yet, and takes what a crash left pending between an
 * application's write and its counts: an application may never be written again. One instance at a time,
 * start-up included (the start writes whole months, which must not meet another start). Only entries older than
 * {@link #LEFT_AFTER} are looked at, so a write still on its way (milliseconds behind) is left to its own thread.
 */
@Component
class UptakeCountsSweep {
    static final Duration LEFT_AFTER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(UptakeCountsSweep.class);
    private static final int PAGE = 500;

    private final UptakeCounts counts;
    private final Clock clock;

    UptakeCountsSweep(UptakeCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = "talent.uptake-counts", lockAtMostFor = "PT30M")
    void started() {
        sweep();
    }

    @Scheduled(initialDelayString = "${qujiang.talent.recovery-interval:PT30S}",
            fixedDelayString = "${qujiang.talent.recovery-interval:PT30S}")
    @SchedulerLock(name = "talent.uptake-counts", lockAtMostFor = "PT30M")
    void recover() {
        sweep();
    }

    private void sweep() {
        counts.startIfAbsent();
        int taken = counts.takeLeftBefore(ServiceZone.now(clock).minus(LEFT_AFTER), PAGE);
        if (taken > 0) {
            log.info("counted {} applications and decisions a crash had left pending", taken);
        }
    }
}
