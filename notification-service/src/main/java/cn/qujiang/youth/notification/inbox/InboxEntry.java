package cn.qujiang.youth.notification.inbox;

import cn.qujiang.youth.notification.message.Category;
import cn.qujiang.youth.notification.message.MessageKind;
import cn.qujiang.youth.notification.templates.RenderedInApp;
import java.time.Instant;

/** One in-app message as its reader sees it: rendered in the reader's language. */
public record InboxEntry(String id, MessageKind kind, Category category, String title, String body,
        Instant createdAt, boolean read) {

    static InboxEntry of(InboxItem item, RenderedInApp rendered) {
        return new InboxEntry(item.id(), item.message().kind(), item.message().category(), rendered.title(),
                rendered.body(), item.createdAt(), item.readAt() != null);
    }
}
