package cn.qujiang.youth.notification.preferences;

import cn.qujiang.youth.notification.message.Category;
import cn.qujiang.youth.notification.message.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What the applicant chose (or the defaults), as the planner and the dispatcher read it.
 *
 * @param language the language they chose for messages, or null to follow their profile
 * @param zone     the zone their quiet hours are read in
 */
public record ApplicantPreferences(ChannelSwitches match, ChannelSwitches application, String language,
        QuietHours smsQuietHours, ZoneId zone) {

    public boolean allows(Category category, Channel channel) {
        return (category == Category.MATCH ? match : application).allows(channel);
    }

    /** The earliest time a message on {@code channel} may go out: SMS waits for the end of quiet hours. */
    public Instant earliestSend(Channel channel, Instant now) {
        return channel == Channel.SMS ? smsQuietHours.endIfQuiet(now, zone).orElse(now) : now;
    }

    public Optional<Locale> preferredLocale() {
        return Optional.ofNullable(language).map(Locale::forLanguageTag);
    }
}
