package cn.qujiang.youth.talent.account;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationService;
import cn.qujiang.youth.talent.documents.DocumentService;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import cn.qujiang.youth.talent.profile.ProfileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The right to be forgotten (PIPL). The applicant's event key is deleted first: from then on no copy of their
 * personal event parts, on any topic or dead-letter topic, can be opened (crypto-shredding), and the key is gone
 * before ApplicantErased tells the other services to drop the copies they cached. The profile document is then
 * turned into a tombstone holding only the applicant id and the ApplicantErased outbox entry — one write, so the
 * event cannot be lost even though the data it announces is gone. From then on nothing new is accepted for the
 * applicant (match results are dropped, applications need a live profile). Applications, match results and
 * documents (records, views, every GridFS file and chunk) are deleted next, then the Keycloak account (PIPL Art. 47:
 * the old password no longer signs in); should the process die in between, or Keycloak be down, the sweep finishes
 * the job. The tombstone itself is deleted once its event has left, the account is gone and a grace period has
 * passed (late match results that raced the erasure are purged meanwhile).
 */
@Service
class ErasureService {
    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);
    static final Duration TOMBSTONE_GRACE = Duration.ofMinutes(10);
    private static final Duration RETRY_ACCOUNT_DELETION = Duration.ofSeconds(30);

    private final ProfileService profiles;
    private final ApplicationService applications;
    private final MatchReadModel matches;
    private final DocumentService documents;
    private final EventKeys eventKeys;
    private final KeycloakAccounts accounts;
    private final Clock clock;

    ErasureService(ProfileService profiles, ApplicationService applications, MatchReadModel matches,
            DocumentService documents, EventKeys eventKeys, KeycloakAccounts accounts, Clock clock) {
        this.profiles = profiles;
        this.applications = applications;
        this.matches = matches;
        this.documents = documents;
        this.eventKeys = eventKeys;
        this.accounts = accounts;
        this.clock = clock;
    }

    void erase(String applicantId) {
        eventKeys.delete(applicantId);
        boolean tombstoned = profiles.eraseToTombstone(applicantId);
        boolean accountDeleted = purge(applicantId, ServiceZone.now(clock));
        log.info("applicant {} erased", applicantId);
        if (!accountDeleted && !tombstoned) {
            // No profile, so no tombstone for the sweep to retry from: the resident asks again.
            throw ApiException.unavailable("ACCOUNT_NOT_DELETED", RETRY_ACCOUNT_DELETION);
        }
    }

    @Scheduled(initialDelayString = "${qujiang.talent.recovery-interval:PT30S}",
            fixedDelayString = "${qujiang.talent.recovery-interval:PT30S}")
    @SchedulerLock(name = "talent.erasure-sweep", lockAtMostFor = "PT10M")
    void sweep() {
        Instant graceEnd = ServiceZone.now(clock).minus(TOMBSTONE_GRACE);
        profiles.tombstones().forEach((applicantId, erasedAt) -> {
            boolean accountDeleted = purge(applicantId, erasedAt);
            if (accountDeleted && erasedAt.isBefore(graceEnd)) {
                profiles.deleteRelayedTombstone(applicantId);
            }
        });
    }

    /**
     * Also deletes the event key again: one created by a save that raced the erasure must not outlive it.
     *
     * @return whether the Keycloak account is gone (false while Keycloak cannot delete it)
     */
    private boolean purge(String applicantId, Instant erasedAt) {
        eventKeys.delete(applicantId);
        applications.eraseAllOf(applicantId, erasedAt);
        matches.delete(applicantId);
        documents.eraseAllOf(applicantId);
        return accounts.delete(applicantId);
    }
}
