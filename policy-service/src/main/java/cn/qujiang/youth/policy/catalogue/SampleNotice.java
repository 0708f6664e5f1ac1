package cn.qujiang.youth.policy.catalogue;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says, wherever measures are shown, that the catalogue is the shipped sample and not the official text, until an
 * operator sets {@code qujiang.policy.catalogue.sample=false}.
 */
@Component
public class SampleNotice {
    private final boolean sample;
    private final MessageSource messages;

    SampleNotice(CatalogueProperties properties, MessageSource messages) {
        this.sample = properties.sample();
        this.messages = messages;
    }

    public boolean sample() {
        return sample;
    }

    /** The notice in the caller's language, or null for the official catalogue. */
    public String text(Locale locale) {
        return sample ? messages.getMessage("catalogue.sample-notice", null, locale) : null;
    }
}
