package cn.qujiang.youth.infra;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up young residents for the journeys and the load harness: resident ID numbers that pass the GB 11643 check
 * and the profile a first-time job seeker saves. One place, so that the two drivers of the whole stack agree.
 */
public final class SampleResidents {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private SampleResidents() {
    }

    /** Qujiang district code, the birth date, a random sequence number and the check character. */
    public static String idNumber(LocalDate birthDate) {
        String body = "330803" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 999));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    /** A mobile number nobody else in a run is likely to have. */
    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The identity part of every profile save, with consent to the current privacy notice. */
    public static Map<String, Object> identity(String idNumber, String phone, String email) {
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
    public static Map<String, Object> jobSeeker(String idNumber, String phone, String email, boolean married) {
        Map<String, Object> profile = identity(idNumber, phone, email);
        profile.put("education", Map.of("degree", "BACHELOR", "school", "浙江工业大学", "graduationDate", "2026-06-30",
                "topUniversity", false));
        profile.put("hukou", "OUT_OF_PROVINCE");
        profile.put("residence", Map.of("residesInQujiang", true, "firstTimeInQujiang", true));
        profile.put("employment", Map.of("status", "JOB_SEEKING"));
        profile.put("housing", Map.of("ownsHomeInQujiang", false, "rentingInQujiang", true));
        profile.put("skillLevel", "NONE");
        profile.put("talentTier", "NONE");
        profile.put("family", Map.of("married", married, "childrenBirthDates", List.of(), "returnedToRuralQujiang", false));
        return profile;
    }
}
