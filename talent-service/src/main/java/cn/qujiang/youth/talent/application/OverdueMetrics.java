package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.ServiceZone;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code talent.applications.overdue}: applications and offers waiting for an officer past their due date. Counted
 * by a schedule rather than on scrape, so a slow database never stalls the metrics endpoint.
 */
@Component
class OverdueMetrics {
    static final String GAUGE = "talent.applications.overdue";

    private final ApplicationStore store;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();

    OverdueMetrics(ApplicationStore store, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.clock = clock;
        Gauge.builder(GAUGE, overdue, AtomicLong::get)
                .description("Applications waiting for an officer past their due date (working days)")
                .register(registry);
    }

    /**
     * On every instance, deliberately without a sweep lock: each instance reports its own gauge, and a gauge
     * refreshed on one instance only would leave the others reporting zero (or a stale count) to whoever scrapes them.
     */
    @Scheduled(initialDelay = 5_000, fixedDelayString = "${qujiang.talent.overdue-refresh:PT60S}")
    void refresh() {
        overdue.set(store.countOverdue(ServiceZone.today(clock)));
    }
}
