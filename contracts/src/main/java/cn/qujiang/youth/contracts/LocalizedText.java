package cn.qujiang.youth.contracts;

import java.util.Locale;

/** A text in Chinese (the default) and English. */
public record LocalizedText(String zh, String en) {

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** English when the caller asked for English and it exists; Chinese otherwise. */
    public String in(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english && en != null && !en.isBlank() ? en : zh;
    }
}
