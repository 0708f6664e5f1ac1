package cn.qujiang.youth.notification.inbox;

import cn.qujiang.youth.notification.templates.MessageTemplates;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Every in-app message of an applicant as they read it, for their data export. */
@Component
public class InboxExport {
    private final Inbox inbox;
    private final MessageTemplates templates;

    InboxExport(Inbox inbox, MessageTemplates templates) {
        this.inbox = inbox;
        this.templates = templates;
    }

    public List<InboxEntry> of(String applicantId, Locale locale) {
        return inbox.all(applicantId).stream()
                .map(item -> InboxEntry.of(item, templates.inApp(item.message(), locale)))
                .toList();
    }
}
