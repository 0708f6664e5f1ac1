package cn.qujiang.youth.kit.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token checks beyond Boot's issuer-uri: the audience every token must carry, an optional JWKS URL (when the
 * services reach Keycloak under another host name than the issuer's), and the allowed clock skew.
 */
@ConfigurationProperties("qujiang.security")
public record SecurityProperties(String audience, String jwkSetUri, Duration clockSkew) {
    public SecurityProperties {
        audience = audience == null ? "youth-api" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(5) : clockSkew;
    }
}
