package cn.qujiang.youth.notification.inbox;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.notification.templates.MessageTemplates;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's in-app messages, newest first, in the language of the request (Accept-Language; zh by default). */
@RestController
@RequestMapping("/api/notifications/me")
class InboxController {
    private static final int MAX_PAGE_SIZE = 100;

    private final Inbox inbox;
    private final MessageTemplates templates;
    private final Clock clock;

    InboxController(Inbox inbox, MessageTemplates templates, Clock clock) {
        this.inbox = inbox;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "My messages, newest first, with the number of unread ones")
    InboxPage list(Authentication authentication, Locale locale,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String applicantId = Caller.of(authentication).id();
        PageRequest request = PageRequest.of(page, size);
        List<InboxEntry> items = inbox.page(applicantId, request).stream()
                .map(item -> InboxEntry.of(item, templates.inApp(item.message(), locale)))
                .toList();
        return new InboxPage(items, request.getPageNumber(), request.getPageSize(), inbox.count(applicantId),
                inbox.unread(applicantId));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of my messages read")
    void markRead(Authentication authentication, @PathVariable String id) {
        if (!inbox.markRead(Caller.of(authentication).id(), id, clock.instant())) {
            throw ApiException.notFound("notification");
        }
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark all my messages read")
    void markAllRead(Authentication authentication) {
        inbox.markAllRead(Caller.of(authentication).id(), clock.instant());
    }

    /** @param unread how many of all the caller's messages are unread */
    record InboxPage(List<InboxEntry> items, int page, int size, long total, long unread) {
    }
}
