package cn.qujiang.youth.talent.profile.validation;

import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 18-character resident identity number of GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit
 * sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character. Birth date and gender are read from
 * the number, never typed a second time.
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Gender gender) {

    /** Why a number is not valid; each has its own field message. */
    public enum Problem { FORMAT, REGION, BIRTH_DATE, CHECKSUM }

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    /** Province-level codes of GB/T 2260 (plus Taiwan, Hong Kong and Macao). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Upper case and without surrounding blanks: the one form that is encrypted and blind-indexed. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
    }

    public static Optional<Problem> problem(String raw, LocalDate today) {
        String value = normalise(raw);
        if (value == null || !SHAPE.matcher(value).matches()) {
            return Optional.of(Problem.FORMAT);
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            return Optional.of(Problem.REGION);
        }
        LocalDate birth = birthDate(value);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            return Optional.of(Problem.CHECKSUM);
        }
        return Optional.empty();
    }

    /** Parses a number that {@link #problem} accepted. */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        problem(raw, today).ifPresent(p -> {
            throw new IllegalArgumentException("not a valid resident ID number: " + p);
        });
        String value = normalise(raw);
        Gender gender = (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new ResidentIdNumber(value, birthDate(value), gender);
    }

    /** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birthDate(String value) {
        try {
            return LocalDate.parse(value.substring(6, 14), BIRTH);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ResidentIdNumber[redacted]";
    }
}
