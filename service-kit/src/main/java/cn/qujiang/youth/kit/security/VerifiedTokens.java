package cn.qujiang.youth.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose RS256 signature has been verified, by their exact text, until they expire. The app sends
 * the same token with every call for its five minutes (the status poll every two seconds), and verifying the
 * signature again each time was the largest single cost of a signed-in request to a service under load (the gateway
 * does the same for its own check). Only the exact string that passed verification hits; a changed byte anywhere is
 * another key and verified in full. The claim checks (expiry with the skew, issuer, audience) run on every hit, so
 * an expired token is refused the moment it expires; refused tokens are not remembered.
 */
final class VerifiedTokens implements JwtDecoder {
    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, long maxTokens, Duration clockSkew,
            Clock clock) {
        this.verifier = verifier;
        this.claims = claims;
        // Evictions on the calling thread: no hop to the common pool.
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).executor(Runnable::run)
                .expireAfter(untilExpiry(clockSkew, clock)).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
            return jwt;
        }
        OAuth2TokenValidatorResult result = claims.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return known;
    }

    /** Kept until the token's expiry plus the skew: after that no check could pass it anyway. */
    private static Expiry<String, Jwt> untilExpiry(Duration clockSkew, Clock clock) {
        return Expiry.writing((token, jwt) -> {
            Duration left = Duration.between(clock.instant(), jwt.getExpiresAt().plus(clockSkew));
            return left.isNegative() ? Duration.ZERO : left;
        });
    }
}
