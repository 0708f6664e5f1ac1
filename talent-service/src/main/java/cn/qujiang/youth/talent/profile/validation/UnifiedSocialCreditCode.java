package cn.qujiang.youth.talent.profile.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The 18-character unified social credit code of organisations (GB 32100-2015): registering authority, category,
 * 6-digit address code, 9-character organisation code and a check character over the alphabet
 * {@code 0-9 A-Y} without I, O, S, V and Z, with weights 3^i mod 31.
 */
public final class UnifiedSocialCreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NP-RTUW-Y]{2}\\d{6}[0-9A-HJ-NP-RTUW-Y]{10}");

    private UnifiedSocialCreditCode() {
    }

    public static String normalise(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String raw) {
        String code = normalise(raw);
        return code != null && SHAPE.matcher(code).matches() && checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
