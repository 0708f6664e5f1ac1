package cn.qujiang.youth.talent.account;

import cn.qujiang.youth.kit.http.OutboundHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Deletes a resident's Keycloak user (PIPL Art. 47: erasure leaves no account to sign in with) through the realm's
 * admin API, as the service account of {@code talent-accounts}, whose only role is realm-management/manage-users.
 * The applicant id is the Keycloak user id ({@code sub}).
 */
@Component
class KeycloakAccounts {
    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);

    private final RestClient client;

    KeycloakAccounts(KeycloakAccountsProperties properties, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        this.client = OutboundHttp.serviceAccount(properties.registrationId(), properties.tokenRenewBeforeExpiry(),
                        registrations, authorizedClients, properties.connectTimeout(), properties.readTimeout())
                .baseUrl(properties.adminUrl().isBlank() ? issuer.replace("/realms/", "/admin/realms/")
                        : properties.adminUrl())
                .build();
    }

    /**
     * Idempotent: a user Keycloak no longer knows (404) counts as deleted.
     *
     * @return false when Keycloak could not do it now (down, refused): the erasure sweep asks again
     */
    boolean delete(String applicantId) {
        try {
            return client.delete().uri("/users/{id}", applicantId).exchange((request, response) -> {
                if (response.getStatusCode().is2xxSuccessful()
                        || response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return true;
                }
                log.warn("Keycloak refused to delete the account of applicant {}: HTTP {}", applicantId,
                        response.getStatusCode().value());
                return false;
            });
        } catch (RuntimeException e) {
            log.warn("Keycloak account of applicant {} not deleted yet: {}", applicantId,
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
