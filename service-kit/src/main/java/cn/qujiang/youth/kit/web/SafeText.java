package cn.qujiang.youth.kit.web;

/**
 * Which characters a free text may hold. Refused: C0 and C1 control characters except line feed, carriage return and
 * tab (they break logs, CSV exports and SMS), the bidirectional embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069: "Trojan Source" text that reads differently from what it is), and a surrogate
 * without its pair (no character at all: stores and re-encodes as U+FFFD, silently changing the text).
 */
public final class SafeText {

    private SafeText() {
    }

    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || refused(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean refused(char c) {
        boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
        boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
        return control || bidi;
    }
}
