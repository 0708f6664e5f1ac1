package cn.qujiang.youth.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.infra.ShiftableClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A service verifies a token's signature once and then recognises it by its exact text until it expires, while the
 * claim checks still run on every request: an expired token is refused at once, a refused one never remembered.
 */
class VerifiedTokensTest {
    private static final Duration SKEW = Duration.ofSeconds(5);
    private final ShiftableClock clock = new ShiftableClock(ZoneOffset.UTC);
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesEachTokenOnlyOnceWhileItIsValid() {
        VerifiedTokens tokens = tokens(100);

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusesARememberedTokenOnceItHasExpired() {
        VerifiedTokens tokens = tokens(100);
        tokens.decode("token-a");

        clock.shift(Duration.ofMinutes(5).plus(SKEW).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void neverRemembersARefusedToken() {
        VerifiedTokens tokens = tokens(100);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void verifiesEveryTimeWithACacheSizeOfZero() {
        VerifiedTokens tokens = tokens(0);

        tokens.decode("token-a");
        tokens.decode("token-a");

        assertThat(verifications).hasValue(2);
    }

    /** A stand-in for the signature check: "forged" fails it; every other token is valid for five minutes. */
    private VerifiedTokens tokens(long size) {
        JwtTimestampValidator expiry = new JwtTimestampValidator(SKEW);
        expiry.setClock(clock);
        return new VerifiedTokens(token -> {
            verifications.incrementAndGet();
            if ("forged".equals(token)) {
                throw new BadJwtException("signature does not match");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("user-1").audience(List.of("youth-api"))
                    .issuedAt(clock.instant()).expiresAt(clock.instant().plus(Duration.ofMinutes(5))).build();
        }, expiry, size, SKEW, clock);
    }
}
