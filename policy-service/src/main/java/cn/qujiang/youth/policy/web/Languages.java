package cn.qujiang.youth.policy.web;

import java.util.Locale;

/** The language of a response: an explicit {@code lang} parameter wins over Accept-Language; Chinese by default. */
public final class Languages {

    private Languages() {
    }

    public static Locale resolve(String lang, Locale requested) {
        if (lang != null && !lang.isBlank()) {
            return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        return requested == null ? Locale.SIMPLIFIED_CHINESE : requested;
    }
}
