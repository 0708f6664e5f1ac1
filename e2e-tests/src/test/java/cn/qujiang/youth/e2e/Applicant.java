package cn.qujiang.youth.e2e;

import cn.qujiang.youth.infra.KeycloakTokens;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A young resident who signed up in Keycloak (default role applicant) and uses the mobile app: a valid resident ID
 * number of their own (GB 11643 checksum), a mobile number and an email address that no one else has.
 */
final class Applicant {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    final String username;
    final String id;
    final String idNumber;
    final String phone;
    final String email;
    final String password = "E2e" + UUID.randomUUID().toString().substring(0, 8) + "pass1";
    private String token;
    private long tokenAt;

    private Applicant(LocalDate birthDate, boolean signedUp) {
        this.username = "e2e-" + UUID.randomUUID().toString().substring(0, 12);
        this.email = username + "@example.com";
        this.idNumber = idNumber(birthDate);
        this.phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        this.id = signedUp ? E2eStack.get().keycloak().admin().createApplicant(username, password, email) : null;
    }

    static Applicant bornOn(LocalDate birthDate) {
        return new Applicant(birthDate, true);
    }

    /** Someone who will sign up themselves, on the realm's registration page; no Keycloak user yet, so no {@link #id}. */
    static Applicant notYetRegistered(LocalDate birthDate) {
        return new Applicant(birthDate, false);
    }

    /** The caller's token, renewed before Keycloak's default five-minute lifetime runs out. */
    synchronized String token() {
        if (token == null || System.currentTimeMillis() - tokenAt > 60_000) {
            token = E2eStack.get().keycloak().tokens().password(KeycloakTokens.TEST_CLIENT, username, password);
            tokenAt = System.currentTimeMillis();
        }
        return token;
    }

    Http http() {
        return Http.as(this::token);
    }

    /** The identity part every profile save carries, plus consent to the privacy notice. */
    Map<String, Object> identity() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("consent", Map.of("noticeVersion", "2026-01", "accepted", true));
        profile.put("name", "测试青年");
        profile.put("idNumber", idNumber);
        profile.put("phone", phone);
        profile.put("email", email);
        profile.put("preferredLanguage", "zh");
        return profile;
    }

    /** A first-time job seeker from another province: eligible for the youth station, among others. */
    Map<String, Object> jobSeekerProfile(Long version) {
        Map<String, Object> profile = identity();
        if (version != null) {
            profile.put("version", version);
        }
        profile.put("education", Map.of("degree", "BACHELOR", "school", "浙江工业大学", "graduationDate", "2026-06-30",
                "topUniversity", false));
        profile.put("hukou", "OUT_OF_PROVINCE");
        profile.put("residence", Map.of("residesInQujiang", true, "firstTimeInQujiang", true));
        profile.put("employment", Map.of("status", "JOB_SEEKING"));
        profile.put("housing", Map.of("ownsHomeInQujiang", false, "rentingInQujiang", true));
        profile.put("skillLevel", "NONE");
        profile.put("talentTier", "NONE");
        profile.put("family", Map.of("married", false, "childrenUnder3", 0, "returnedToRuralQujiang", false));
        return profile;
    }

    static String idNumber(LocalDate birthDate) {
        String body = "330803" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 999));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}
