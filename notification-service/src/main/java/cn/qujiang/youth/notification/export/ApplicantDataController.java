package cn.qujiang.youth.notification.export;

import cn.qujiang.youth.notification.delivery.Attempt;
import cn.qujiang.youth.notification.delivery.Delivery;
import cn.qujiang.youth.notification.delivery.DeliveryStatus;
import cn.qujiang.youth.notification.delivery.DeliveryStore;
import cn.qujiang.youth.notification.inbox.InboxEntry;
import cn.qujiang.youth.notification.inbox.InboxExport;
import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.news.NewsStore;
import cn.qujiang.youth.notification.news.UntoldNews;
import cn.qujiang.youth.notification.preferences.PreferencesService;
import cn.qujiang.youth.notification.preferences.PreferencesView;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this service holds about one applicant, for the data export talent-service assembles (PIPL Art. 45):
 * talent-service's service account only (role notification-reader); never routed by the gateway. The inbox is
 * rendered in the request's language; the delivery log names channel, template, times and outcome codes and the
 * address only as it is stored, masked; news gathered and not told yet (it waits for the applicant's evaluations
 * to settle) is held data too. An applicant this service never heard of has empty lists and the defaults.
 */
@RestController
class ApplicantDataController {
    private final InboxExport inbox;
    private final PreferencesService preferences;
    private final DeliveryStore deliveries;
    private final NewsStore news;

    ApplicantDataController(InboxExport inbox, PreferencesService preferences, DeliveryStore deliveries,
            NewsStore news) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.news = news;
    }

    /** @param untoldNews null when nothing waits to be told */
    record NotificationData(List<InboxEntry> inbox, PreferencesView preferences, List<LoggedDelivery> deliveries,
            UntoldNews untoldNews) {
    }

    /** @param template the message's template ({@code templates/notifications/<template>}) */
    record LoggedDelivery(Channel channel, String template, DeliveryStatus status, Instant createdAt,
            Instant completedAt, String recipient, String outcome, List<Attempt> attempts) {

        static LoggedDelivery of(Delivery delivery) {
            return new LoggedDelivery(delivery.channel(), delivery.message().kind().template(), delivery.status(),
                    delivery.createdAt(), delivery.completedAt(), delivery.recipient(), delivery.outcome(),
                    delivery.attempts());
        }
    }

    @Operation(summary = "Everything held about an applicant (internal, notification-reader)")
    @GetMapping("/internal/applicants/{applicantId}/notifications")
    ResponseEntity<NotificationData> export(@PathVariable String applicantId, Locale locale) {
        List<LoggedDelivery> log = deliveries.ofApplicant(applicantId).stream()
                .sorted(Comparator.comparing(Delivery::createdAt).reversed())
                .map(LoggedDelivery::of)
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new NotificationData(inbox.of(applicantId, locale),
                        PreferencesView.of(preferences.of(applicantId)), log,
                        news.untold(applicantId).orElse(null)));
    }
}
