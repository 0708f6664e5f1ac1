package cn.qujiang.youth.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature has been verified, by their exact text, until they expire: an app sends the
 * same token with every call for its five minutes, and parsing it and verifying its RS256 signature again each
 * time was the largest single cost of a signed-in request. Only the exact string that passed verification hits
 * the cache (a changed byte anywhere, signature included, is another key and is verified in full); the claim checks
 * (expiry with the clock skew, issuer, audience) run on every hit as on every miss, so an expired token is refused
 * the moment it expires. Refused tokens are not remembered. Bounded to {@code token-cache-size} tokens; a rotated
 * key does not invalidate tokens it signed before their expiry, as the cached key set itself would not for up to
 * {@code jwks-ttl}.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {
    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, long maxTokens, Duration clockSkew,
            Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.claims = claims;
        // Evictions on the calling thread: no hop to the common pool, and a size of 0 really keeps nothing.
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).ticker(ticker).executor(Runnable::run)
                .expireAfter(untilExpiry(clockSkew, clock)).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> {
                if (jwt.getExpiresAt() != null) {
                    verified.put(token, jwt);
                }
            });
        }
        OAuth2TokenValidatorResult result = claims.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors()));
        }
        return Mono.just(known);
    }

    /** Kept until the token's expiry plus the skew: after that no check could pass it anyway. */
    private static Expiry<String, Jwt> untilExpiry(Duration clockSkew, Clock clock) {
        return Expiry.writing((token, jwt) -> {
            Duration left = Duration.between(clock.instant(), jwt.getExpiresAt().plus(clockSkew));
            return left.isNegative() ? Duration.ZERO : left;
        });
    }
}
