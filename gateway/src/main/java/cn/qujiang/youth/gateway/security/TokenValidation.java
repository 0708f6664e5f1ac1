package cn.qujiang.youth.gateway.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/** What a correctly signed token must also satisfy: not expired (within the skew), our realm, our API. */
final class TokenValidation {
    private TokenValidation() {
    }

    static OAuth2TokenValidator<Jwt> validator(String issuerUri, SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(issuerUri),
                new JwtAudienceValidator(properties.audience()));
    }
}
