package cn.qujiang.youth.policy.eventkey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where talent-service's internal event-key endpoint is, which OAuth2 client registration (client credentials)
 * authenticates the calls, how long a token is renewed before it expires, and how many applicants' keys are kept
 * in memory (one lookup per applicant, not per event).
 */
@ConfigurationProperties("qujiang.event-keys")
record EventKeyProperties(String baseUrl, String registrationId, Duration connectTimeout, Duration readTimeout,
        Duration tokenRenewBeforeExpiry, Integer cacheSize) {
    EventKeyProperties {
        baseUrl = baseUrl == null ? "http://127.0.0.1:8081" : baseUrl;
        registrationId = registrationId == null ? "talent-event-keys" : registrationId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        tokenRenewBeforeExpiry = tokenRenewBeforeExpiry == null ? Duration.ofSeconds(30) : tokenRenewBeforeExpiry;
        cacheSize = cacheSize == null ? 50_000 : cacheSize;
    }
}
