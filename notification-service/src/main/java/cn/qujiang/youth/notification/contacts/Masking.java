package cn.qujiang.youth.notification.contacts;

/** The only forms of a phone number or e-mail address the service keeps: enough to follow up, not to contact. */
public final class Masking {
    private Masking() {
    }

    /** {@code 13812345678} → {@code 138****5678}; a country prefix is dropped first. */
    public static String phone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() > 11 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (digits.length() < 8) {
            return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** {@code zhang.san@example.com} → {@code z***@example.com}. */
    public static String email(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
