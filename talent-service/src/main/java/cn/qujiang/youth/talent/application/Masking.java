package cn.qujiang.youth.talent.application;

/**
 * How officers see personal data: enough to recognise a person on the phone or at the counter, not enough to copy
 * their identity. ID {@code 3308**********1234}, phone {@code 138****5678}, name {@code 张*}, e-mail
 * {@code z***@example.com}.
 */
final class Masking {
    private Masking() {
    }

    static String idNumber(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 8 ? stars(value.length())
                : value.substring(0, 4) + stars(value.length() - 8) + value.substring(value.length() - 4);
    }

    static String phone(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 7 ? stars(value.length())
                : value.substring(0, 3) + stars(value.length() - 7) + value.substring(value.length() - 4);
    }

    /** Keeps the first character (the family name for most Chinese names), one star per further character. */
    static String name(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int first = value.offsetByCodePoints(0, 1);
        return value.substring(0, first) + stars(value.codePointCount(first, value.length()));
    }

    static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        if (at <= 0) {
            return stars(3);
        }
        return value.charAt(0) + stars(3) + value.substring(at);
    }

    private static String stars(int count) {
        return "*".repeat(Math.max(count, 1));
    }
}
