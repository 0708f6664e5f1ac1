package cn.qujiang.youth.kit.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token checks beyond Boot's issuer-uri: the audience every token must carry, an optional JWKS URL (when the
 * services reach Keycloak under another host name than the issuer's), the allowed clock skew, and how many verified
 * tokens are remembered until they expire ({@code token-cache-size}, default 10,000; 0 verifies every request).
 */
@ConfigurationProperties("qujiang.security")
public record SecurityProperties(String audience, String jwkSetUri, Duration clockSkew, Long tokenCacheSize) {
    public SecurityProperties {
        audience = audience == null ? "youth-api" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(5) : clockSkew;
        tokenCacheSize = tokenCacheSize == null ? 10_000L : tokenCacheSize;
    }
}
