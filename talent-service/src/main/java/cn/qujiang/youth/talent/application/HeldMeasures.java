package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.profile.ProfileService;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the profile's held measures (which the matching reads for mutual exclusions) equal to the applicant's
 * approved applications whose benefit has not ended.
 *
 * <p>An approval needs two document writes: the application (status, transition, ApplicationDecided) and the
 * profile (held measures, new version, ApplicantProfileChanged). Without multi-document transactions the second may
 * never happen if the process dies in between. The choice made here: the application is the source of truth, and
 * its approval write (and the write that ends a benefit) also sets {@code profileSyncPending}. The profile side is then derived, not transferred — it is
 * recomputed from all approved applications and written only when it differs — so running it twice, late or after a
 * crash changes nothing wrong. The approving request runs it at once; this sweep re-runs it for every marker still
 * set, and a marker is cleared only after the profile write succeeded, and only if its application has not changed
 * again since the marker was read.
 * (Writing a marker into the profile first would instead need a second marker to undo when the approval loses its
 * version race.)
 */
@Component
public class HeldMeasures {
    private static final Logger log = LoggerFactory.getLogger(HeldMeasures.class);

    private final ApplicationStore store;
    private final ProfileService profiles;

    HeldMeasures(ApplicationStore store, ProfileService profiles) {
        this.store = store;
        this.profiles = profiles;
    }

    public void sync(String applicantId) {
        // markers first: every change they mark was written before, so the approvals read next include it
        List<ApplicationStore.SyncMarker> markers = store.profileSyncMarkers(applicantId);
        profiles.syncHeldMeasures(applicantId, store.approvedCodes(applicantId));
        store.clearProfileSyncMarkers(markers);
    }

    /** Like {@link #sync}, but a failure only leaves the marker for the next sweep. */
    void syncQuietly(String applicantId) {
        try {
            sync(applicantId);
        } catch (RuntimeException e) {
            log.warn("held measures of applicant {} not yet updated ({}); the recovery sweep retries", applicantId,
                    e.getClass().getSimpleName());
        }
    }

    @Scheduled(initialDelayString = "${qujiang.talent.recovery-interval:PT30S}",
            fixedDelayString = "${qujiang.talent.recovery-interval:PT30S}")
    @SchedulerLock(name = "talent.held-measures-recovery", lockAtMostFor = "PT10M")
    void recover() {
        store.applicantsWithPendingProfileSync().forEach(this::syncQuietly);
    }
}
