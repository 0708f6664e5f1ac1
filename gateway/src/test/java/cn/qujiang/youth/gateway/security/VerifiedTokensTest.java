package cn.qujiang.youth.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import reactor.core.publisher.Mono;

/**
 * A token is verified once and then recognised by its exact text until it expires, while the claim checks still
 * run on every request: an expired token is refused at once, a refused token is never remembered.
 */
class VerifiedTokensTest {
    private static final Duration SKEW = Duration.ofSeconds(5);
    private final MovableClock clock = new MovableClock();
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesEachTokenOnlyOnceWhileItIsValid() {
        VerifiedTokens tokens = tokens(4096);

        Jwt first = tokens.decode("token-a").block();
        Jwt again = tokens.decode("token-a").block();
        tokens.decode("token-b").block();

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(2);
    }

    /** The cache's own clock has not moved: the claim check on the hit is what refuses it. */
    @Test
    void refusesARememberedTokenOnceItHasExpired() {
        VerifiedTokens tokens = tokens(4096);
        tokens.decode("token-a").block();

        clock.advance(Duration.ofMinutes(5).plus(SKEW).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("token-a").block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void neverRemembersARefusedToken() {
        VerifiedTokens tokens = tokens(4096);

        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void verifiesEveryTimeWithACacheSizeOfZero() {
        VerifiedTokens tokens = tokens(0);

        tokens.decode("token-a").block();
        tokens.decode("token-a").block();

        assertThat(verifications).hasValue(2);
    }

    /** A stand-in for the signature check: "forged" fails it; every other token is valid for five minutes. */
    private VerifiedTokens tokens(long size) {
        JwtTimestampValidator expiry = new JwtTimestampValidator(SKEW);
        expiry.setClock(clock);
        return new VerifiedTokens(token -> {
            verifications.incrementAndGet();
            if ("forged".equals(token)) {
                return Mono.error(new BadJwtException("signature does not match"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user-1")
                    .audience(List.of("youth-api")).issuedAt(clock.instant())
                    .expiresAt(clock.instant().plus(Duration.ofMinutes(5)))
                    .build());
        }, expiry, size, SKEW, clock, Ticker.systemTicker());
    }
}
