package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.ServiceZone;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resolves quota claims left pending by a crash between taking a place and writing the approval: the place stays
 * when the application is approved, and is given back otherwise. Only claims older than the grace period are
 * looked at, so an approval still on its way (milliseconds behind its claim) is never mistaken for a lost one.
 */
@Component
class QuotaRecovery {
    private static final Logger log = LoggerFactory.getLogger(QuotaRecovery.class);

    private final QuotaCounters quotas;
    private final ApplicationStore applications;
    private final Clock clock;
    private final Duration grace;

    QuotaRecovery(QuotaCounters quotas, ApplicationStore applications, Clock clock,
            @Value("${qujiang.talent.quota-claim-grace:PT2M}") Duration grace) {
        this.quotas = quotas;
        this.applications = applications;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(initialDelayString = "${qujiang.talent.recovery-interval:PT30S}",
            fixedDelayString = "${qujiang.talent.recovery-interval:PT30S}")
    void recover() {
        int released = quotas.resolveClaimsOlderThan(ServiceZone.now(clock).minus(grace),
                id -> applications.find(id).map(ApplicationDocument::status));
        if (released > 0) {
            log.info("gave back {} quota places whose approvals were never written", released);
        }
    }
}
