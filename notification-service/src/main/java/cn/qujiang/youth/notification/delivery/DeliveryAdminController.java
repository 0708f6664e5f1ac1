package cn.qujiang.youth.notification.delivery;

import cn.qujiang.youth.notification.message.Channel;
import cn.qujiang.youth.notification.message.MessageKind;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.RestController;

/** Lets HR officers follow up on messages that could not be delivered; recipients are shown masked only. */
@RestController
@RequestMapping("/api/notifications/admin/deliveries")
class DeliveryAdminController {
    private static final int MAX_PAGE_SIZE = 100;

    private final DeliveryStore store;

    DeliveryAdminController(DeliveryStore store) {
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "Deliveries by status (FAILED by default), newest first")
    DeliveryPage list(@RequestParam(defaultValue = "FAILED") DeliveryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        Page<Delivery> found = store.withStatus(status,
                PageRequest.of(page, size));
        return new DeliveryPage(found.getContent().stream().map(DeliveryView::of).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    /** @param recipient masked (138****5678, z***@example.com) */
    record DeliveryView(String id, String eventId, String applicantId, Channel channel, MessageKind kind,
            String measureCode, DeliveryStatus status, String recipient, String outcome, List<AttemptView> attempts,
            Instant createdAt, Instant nextAttemptAt, Instant completedAt) {

        static DeliveryView of(Delivery delivery) {
            String measureCode = delivery.message().application() == null ? null
                    : delivery.message().application().measureCode();
            return new DeliveryView(delivery.id(), delivery.eventId(), delivery.applicantId(), delivery.channel(),
                    delivery.message().kind(), measureCode, delivery.status(), delivery.recipient(),
                    delivery.outcome(), delivery.attempts().stream().map(AttemptView::of).toList(),
                    delivery.createdAt(), delivery.status() == DeliveryStatus.PENDING ? delivery.nextAttemptAt() : null,
                    delivery.completedAt());
        }
    }

    record AttemptView(Instant at, Attempt.Result result, String code) {

        static AttemptView of(Attempt attempt) {
            return new AttemptView(attempt.at(), attempt.result(), attempt.code());
        }
    }
}
