package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.ServiceZone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resolves the claims an approval left pending when a crash came between taking them and writing the approval: a
 * quota place stays when the application is approved and is given back otherwise; an exclusive-holdings claim is
 * dropped either way (the approved applications say what is held). Only claims older than the grace period are
 * looked at, so an approval still on its way (milliseconds behind its claim) is never mistaken for a lost one.
 */
@Component
class ClaimRecovery {
    private static final Logger log = LoggerFactory.getLogger(ClaimRecovery.class);

    private final QuotaCounters quotas;
    private final ExclusiveHoldings holdings;
    private final ApplicationStore applications;
    private final Clock clock;
    private final Duration grace;

    ClaimRecovery(QuotaCounters quotas, ExclusiveHoldings holdings, ApplicationStore applications, Clock clock,
            @Value("${qujiang.talent.quota-claim-grace:PT2M}") Duration grace) {
        this.quotas = quotas;
        this.holdings = holdings;
        this.applications = applications;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(initialDelayString = "${qujiang.talent.recovery-interval:PT30S}",
            fixedDelayString = "${qujiang.talent.recovery-interval:PT30S}")
    @SchedulerLock(name = "talent.claim-recovery", lockAtMostFor = "PT5M")
    void recover() {
        Instant cutoff = ServiceZone.now(clock).minus(grace);
        int released = quotas.resolveClaimsOlderThan(cutoff, id -> applications.find(id).map(ApplicationDocument::status));
        if (released > 0) {
            log.info("gave back {} quota places whose approvals were never written", released);
        }
        int dropped = holdings.dropClaimsOlderThan(cutoff);
        if (dropped > 0) {
            log.info("dropped {} exclusive-holdings claims of approvals a crash interrupted", dropped);
        }
    }
}
