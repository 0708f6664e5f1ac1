package cn.qujiang.youth.notification.erasure;

import cn.qujiang.youth.notification.delivery.DeliveryStore;
import cn.qujiang.youth.notification.delivery.ErasedApplicants;
import cn.qujiang.youth.notification.inbox.Inbox;
import cn.qujiang.youth.notification.news.NewsStore;
import cn.qujiang.youth.notification.preferences.PreferencesService;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Forgets an applicant (PIPL): inbox, delivery log and preferences go; a tombstone with only the id and the time
 * keeps late events about them from bringing anything back. Repeating it is harmless.
 */
@Service
public class ApplicantErasure {
    private static final Logger log = LoggerFactory.getLogger(ApplicantErasure.class);

    private final ErasedApplicants erased;
    private final Inbox inbox;
    private final DeliveryStore deliveries;
    private final PreferencesService preferences;
    private final NewsStore news;

    ApplicantErasure(ErasedApplicants erased, Inbox inbox, DeliveryStore deliveries, PreferencesService preferences,
            NewsStore news) {
        this.erased = erased;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.news = news;
    }

    public void erase(String applicantId, Instant erasedAt) {
        // The tombstone first: whatever is planned from now on for this applicant is refused.
        erased.record(applicantId, erasedAt);
        long messages = inbox.purge(applicantId);
        long sends = deliveries.purge(applicantId);
        preferences.purge(applicantId);
        news.purge(applicantId);
        log.info("erased an applicant: {} inbox entries, {} deliveries", messages, sends);
    }
}
