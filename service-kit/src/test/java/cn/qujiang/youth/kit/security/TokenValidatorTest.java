package cn.qujiang.youth.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claim checks behind a signature that verified: issuer, audience, expiry, and which roles count. */
class TokenValidatorTest {
    private static final String ISSUER = "http://127.0.0.1:8180/realms/qujiang";
    private final OAuth2TokenValidator<Jwt> validator = KitSecurityAutoConfiguration.validator(ISSUER,
            new SecurityProperties("youth-api", null, Duration.ofSeconds(5), null));

    @Test
    void acceptsTheRealmsTokenForTheSuite() {
        assertThat(validator.validate(jwt(ISSUER, List.of("youth-api", "account"), 60)).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherIssuerEvenWithAGoodAudience() {
        assertThat(validator.validate(jwt("http://127.0.0.1:8180/realms/other", List.of("youth-api"), 60)).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertThat(validator.validate(jwt(ISSUER, List.of("account"), 60)).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenExpiredLongerThanTheSkew() {
        assertThat(validator.validate(jwt(ISSUER, List.of("youth-api"), -30)).hasErrors()).isTrue();
    }

    @Test
    void onlyTheSuitesRealmRolesBecomeAuthorities() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u1")
                .claim("realm_access", Map.of("roles", List.of("applicant", "offline_access", "default-roles-qujiang")))
                .build();

        assertThat(RealmRolesConverter.authorities(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_applicant");
    }

    private static Jwt jwt(String issuer, List<String> audience, long expiresInSeconds) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t").header("alg", "RS256").issuer(issuer).audience(audience).subject("u1")
                .issuedAt(now.minusSeconds(120)).expiresAt(now.plusSeconds(expiresInSeconds)).build();
    }
}
