package cn.qujiang.youth.talent.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keycloak's admin API of the realm and the OAuth2 client registration (client credentials of the client
 * {@code talent-accounts}, role realm-management/manage-users only) that deletes an erased resident's account.
 *
 * @param adminUrl e.g. {@code http://keycloak:8080/admin/realms/qujiang}; empty = derived from the token issuer
 */
@ConfigurationProperties("qujiang.accounts")
public record KeycloakAccountsProperties(String adminUrl, String registrationId, Duration connectTimeout,
        Duration readTimeout, Duration tokenRenewBeforeExpiry) {
    public KeycloakAccountsProperties {
        adminUrl = adminUrl == null ? "" : adminUrl;
        registrationId = registrationId == null ? "keycloak-accounts" : registrationId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        tokenRenewBeforeExpiry = tokenRenewBeforeExpiry == null ? Duration.ofSeconds(30) : tokenRenewBeforeExpiry;
    }
}
