package cn.qujiang.youth.notification.preferences;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The defaults of an applicant who never saved preferences, and the time zone quiet hours are read in. */
@ConfigurationProperties("qujiang.preferences")
public record PreferencesProperties(ZoneId timeZone, LocalTime smsQuietFrom, LocalTime smsQuietTo) {
    public PreferencesProperties {
        timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
        smsQuietFrom = smsQuietFrom == null ? LocalTime.of(22, 0) : smsQuietFrom;
        smsQuietTo = smsQuietTo == null ? LocalTime.of(8, 0) : smsQuietTo;
    }
}
