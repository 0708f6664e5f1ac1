package cn.qujiang.youth.notification.contacts;

import java.util.Locale;
import java.util.Optional;

/**
 * An applicant's contact details as talent-service holds them, fetched when a message is sent and never stored:
 * only {@link Masking masked} forms reach the delivery log.
 */
public record Contact(String name, String phone, String email, String language) {

    /** The language to write in: the one chosen for messages, else the profile's, else Chinese. */
    public Locale messageLocale(Optional<Locale> preferred) {
        return preferred.orElseGet(() -> language == null || language.isBlank() ? Locale.SIMPLIFIED_CHINESE
                : Locale.forLanguageTag(language));
    }

    /** Leaves out the personal fields, so that a contact logged by mistake reveals nothing. */
    @Override
    public String toString() {
        return "Contact[masked]";
    }
}
