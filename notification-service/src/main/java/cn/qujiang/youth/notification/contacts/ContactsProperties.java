package cn.qujiang.youth.notification.contacts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where talent-service's internal contacts endpoint is, which OAuth2 client registration (client credentials)
 * authenticates the calls, and how long a token is renewed before it expires.
 */
@ConfigurationProperties("qujiang.contacts")
public record ContactsProperties(String baseUrl, String registrationId, Duration connectTimeout,
        Duration readTimeout, Duration tokenRenewBeforeExpiry) {
    public ContactsProperties {
        baseUrl = baseUrl == null ? "http://127.0.0.1:8081" : baseUrl;
        registrationId = registrationId == null ? "talent-contacts" : registrationId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        tokenRenewBeforeExpiry = tokenRenewBeforeExpiry == null ? Duration.ofSeconds(30) : tokenRenewBeforeExpiry;
    }
}
