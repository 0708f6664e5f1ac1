package cn.qujiang.youth.gateway.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token checks beyond Boot's {@code issuer-uri}: the audience every token must carry, the allowed clock skew, and
 * how the realm's signing keys are fetched: an optional JWKS URL (when the gateway reaches Keycloak under another
 * host name than the issuer's), how long a fetched key set is trusted, and the least time between two fetches
 * caused by tokens naming an unknown key (so forged tokens cannot make the gateway hammer Keycloak); and how many
 * verified tokens are remembered until they expire ({@code 0}: verify every request's token in full).
 */
@ConfigurationProperties("qujiang.security")
public record SecurityProperties(String audience, Duration clockSkew, URI jwkSetUri, Duration jwksTtl,
        Duration jwksRefreshInterval, Duration jwksTimeout, Integer tokenCacheSize) {
    public SecurityProperties {
        audience = audience == null ? "youth-api" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(5) : clockSkew;
        jwksTtl = jwksTtl == null ? Duration.ofMinutes(10) : jwksTtl;
        jwksRefreshInterval = jwksRefreshInterval == null ? Duration.ofSeconds(30) : jwksRefreshInterval;
        jwksTimeout = jwksTimeout == null ? Duration.ofSeconds(3) : jwksTimeout;
        tokenCacheSize = tokenCacheSize == null ? 4096 : tokenCacheSize;
    }
}
