package cn.qujiang.youth.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claim checks a correctly signed token must also pass. The issuer check is tested here because a token from
 * another issuer is also signed by a key the gateway does not know, so the IT only sees the signature fail first.
 */
class TokenValidationTest {
    private static final String ISSUER = "http://127.0.0.1:8180/realms/qujiang";
    private final OAuth2TokenValidator<Jwt> validator = TokenValidation.validator(ISSUER,
            new SecurityProperties("youth-api", Duration.ofSeconds(5), null, null, null, null, null));

    @Test
    void acceptsOurRealmAndAudience() {
        assertThat(validator.validate(token(ISSUER, List.of("youth-api", "account"), in(60))).hasErrors()).isFalse();
    }

    @Test
    void rejectsAnotherIssuer() {
        assertThat(validator.validate(token("http://127.0.0.1:8180/realms/master", List.of("youth-api"), in(60)))
                .hasErrors()).isTrue();
        assertThat(validator.validate(token("http://evil.example/realms/qujiang", List.of("youth-api"), in(60)))
                .hasErrors()).isTrue();
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        assertThat(validator.validate(token(ISSUER, List.of("account"), in(60))).hasErrors()).isTrue();
    }

    @Test
    void rejectsAnExpiredTokenBeyondTheClockSkew() {
        assertThat(validator.validate(token(ISSUER, List.of("youth-api"), in(-3))).hasErrors()).isFalse();
        assertThat(validator.validate(token(ISSUER, List.of("youth-api"), in(-30))).hasErrors()).isTrue();
    }

    private static Instant in(long seconds) {
        return Instant.now().plusSeconds(seconds);
    }

    private static Jwt token(String issuer, List<String> audience, Instant expiresAt) {
        return Jwt.withTokenValue("token").header("alg", "RS256")
                .claims(claims -> claims.putAll(Map.of("iss", issuer, "aud", audience, "sub", "user-1")))
                .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).build();
    }
}
