package cn.qujiang.youth.e2e;

import cn.qujiang.youth.infra.KeycloakTokens;
import cn.qujiang.youth.infra.SampleResidents;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A young resident who signed up in Keycloak (default role applicant) and uses the mobile app: a valid resident ID
 * number of their own (GB 11643 checksum), a mobile number and an email address that no one else has.
 */
final class Applicant {

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
        this.idNumber = SampleResidents.idNumber(birthDate);
        this.phone = SampleResidents.phone();
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
        return SampleResidents.identity(idNumber, phone, email);
    }

    /** A first-time job seeker from another province: eligible for the youth station, among others. */
    Map<String, Object> jobSeekerProfile(Long version) {
        Map<String, Object> profile = new LinkedHashMap<>();
        if (version != null) {
            profile.put("version", version);
        }
        profile.putAll(SampleResidents.jobSeeker(idNumber, phone, email, false));
        return profile;
    }
}
