package cn.qujiang.youth.notification.preferences;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An applicant's saved choices; absent until they first save, defaults apply meanwhile. */
@Document(PreferencesDocument.COLLECTION)
record PreferencesDocument(@Id String applicantId, ChannelSwitches match, ChannelSwitches application,
        String language, QuietHours smsQuietHours, Instant updatedAt) {

    static final String COLLECTION = "preferences";
}
