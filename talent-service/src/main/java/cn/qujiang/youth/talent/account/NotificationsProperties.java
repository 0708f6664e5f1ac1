package cn.qujiang.youth.talent.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where notification-service's internal API is, which OAuth2 client registration (client credentials, role
 * notification-reader) authenticates the calls, and what an export answers while it is down.
 *
 * @param retryAfter the Retry-After of the 503 an export answers while notification-service cannot
 */
@ConfigurationProperties("qujiang.notifications")
public record NotificationsProperties(String baseUrl, String registrationId, Duration connectTimeout,
        Duration readTimeout, Duration tokenRenewBeforeExpiry, Duration retryAfter) {
    public NotificationsProperties {
        baseUrl = baseUrl == null ? "http://127.0.0.1:8083" : baseUrl;
        registrationId = registrationId == null ? "notification-data" : registrationId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        tokenRenewBeforeExpiry = tokenRenewBeforeExpiry == null ? Duration.ofSeconds(30) : tokenRenewBeforeExpiry;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
    }
}
