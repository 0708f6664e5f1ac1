package cn.qujiang.youth.load;

import cn.qujiang.youth.infra.KeycloakTokens;
import cn.qujiang.youth.infra.SampleResidents;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One signed-up resident the load acts for: a Keycloak user (role applicant) with a valid resident ID number of
 * their own, the profile version last saved and the ETag of their last match-status answer, as the app keeps them.
 */
final class Resident {
    /** The realm's access token lifespan (five minutes). */
    static final java.time.Duration TOKEN_LIFETIME = java.time.Duration.ofMinutes(5);
    /** A token this old is renewed on use, with a margin for the request's own time. */
    private static final long TOKEN_MAX_AGE_MS = TOKEN_LIFETIME.toMillis() - 30_000;

    /** Birth dates from 1998 on: residents aged about 22 to 29, youth by every measure. */
    private static final int BIRTH_DAYS = 2500;

    final String username = "load-" + UUID.randomUUID().toString().substring(0, 12);
    final String password = "Load" + UUID.randomUUID().toString().substring(0, 8) + "pass1";
    final String email = username + "@example.com";
    private final String idNumber;
    private final String phone = SampleResidents.phone();
    private final KeycloakTokens tokens;
    private final AtomicLong version = new AtomicLong(-1);
    private KeycloakTokens.Session session;
    private volatile String token;
    private volatile long tokenAt;
    private volatile MatchStatus lastStatus;
    /** Flipped on every update so that each save is a real change (a new profile version, a new evaluation). */
    private volatile boolean married;

    /**
     * @param index the resident's place in the run: residents are born on different days, so no two of a run share
     *              an ID number (talent-service refuses a second profile with the same one, as it should)
     */
    Resident(int index, KeycloakTokens tokens) {
        this.idNumber = SampleResidents.idNumber(LocalDate.of(1998, 1, 1).plusDays(index % BIRTH_DAYS));
        this.tokens = tokens;
    }

    String token() {
        return tokenNoOlderThan(TOKEN_MAX_AGE_MS);
    }

    /**
     * Renews the token ahead of time when it is older than that, as the app does: with the session's refresh token
     * (a password grant, which Keycloak hashes, only to sign in or when the session has ended).
     */
    synchronized String tokenNoOlderThan(long maxAgeMillis) {
        if (token == null || System.currentTimeMillis() - tokenAt > maxAgeMillis) {
            session = session == null ? signIn() : refreshed(session);
            token = session.accessToken();
            tokenAt = System.currentTimeMillis();
        }
        return token;
    }

    private KeycloakTokens.Session signIn() {
        return tokens.signIn(KeycloakTokens.TEST_CLIENT, username, password);
    }

    private KeycloakTokens.Session refreshed(KeycloakTokens.Session current) {
        try {
            return tokens.refresh(current);
        } catch (IllegalStateException ended) {
            return signIn();
        }
    }

    long version() {
        return version.get();
    }

    /** Versions only move forward, whichever of two overlapping answers arrives last. */
    void versionSeen(long seen) {
        version.accumulateAndGet(seen, Math::max);
    }

    /**
     * The last match status answered and its ETag, kept per resident as the app keeps it: a 304 means "what you were
     * told last", which may have been told to another update of the same resident that was polling too.
     */
    MatchStatus lastStatus() {
        return lastStatus;
    }

    void lastStatus(MatchStatus status) {
        lastStatus = status;
    }

    /** @param storedAtMillis when talent-service took these results (epoch ms), -1 when it did not say */
    record MatchStatus(String tag, long evaluatedProfileVersion, long storedAtMillis) {
    }

    /** The next whole profile to PUT: the same person with one fact changed, carrying the version it was read at. */
    synchronized Map<String, Object> nextProfile() {
        married = !married;
        return profile(version());
    }

    /** The first save (no version) with consent to the privacy notice; the same shape as the e2e journeys' applicant. */
    Map<String, Object> firstProfile() {
        return profile(-1);
    }

    private Map<String, Object> profile(long basedOn) {
        Map<String, Object> profile = new LinkedHashMap<>();
        if (basedOn >= 0) {
            profile.put("version", basedOn);
        }
        profile.putAll(SampleResidents.jobSeeker(idNumber, phone, email, married));
        return profile;
    }
}
