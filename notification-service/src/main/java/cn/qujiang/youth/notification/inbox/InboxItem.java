package cn.qujiang.youth.notification.inbox;

import cn.qujiang.youth.notification.message.Message;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One in-app message. Its id is the IN_APP delivery's id, so a delivery re-sent after a crash writes the same entry.
 * It stores the language-neutral message and is rendered when read, in the reader's language.
 */
@Document(InboxItem.COLLECTION)
@CompoundIndex(name = "owner_newest", def = "{'applicantId': 1, 'createdAt': -1}")
record InboxItem(@Id String id, String applicantId, Message message, Instant createdAt, Instant readAt) {

    static final String COLLECTION = "inbox";
}
