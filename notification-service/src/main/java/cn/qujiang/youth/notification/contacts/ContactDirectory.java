package cn.qujiang.youth.notification.contacts;

import cn.qujiang.youth.kit.http.ServiceAccountClient;
import cn.qujiang.youth.notification.delivery.DeliveryFailure;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Looks up an applicant's contact details in talent-service at send time ({@code GET /internal/contacts/{id}}),
 * with a Keycloak client-credentials token that Spring Security caches and renews shortly before it expires
 * (and drops when talent-service answers 401, so the next attempt fetches a fresh one).
 */
@Component
public class ContactDirectory {
    private final RestClient client;

    ContactDirectory(ContactsProperties properties, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        this.client = ServiceAccountClient.create(properties.baseUrl(), properties.registrationId(),
                properties.tokenRenewBeforeExpiry(), properties.connectTimeout(), properties.readTimeout(),
                registrations, authorizedClients);
    }

    /**
     * The applicant's contact details, or empty when talent-service no longer knows them (erased).
     *
     * @throws DeliveryFailure (retryable) when talent-service or Keycloak cannot answer now
     */
    public Optional<Contact> find(String applicantId) {
        try {
            return client.get().uri("/internal/contacts/{applicantId}", applicantId).exchange((request, response) -> {
                if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return Optional.<Contact>empty();
                }
                if (response.getStatusCode().isError()) {
                    throw DeliveryFailure.retryable("CONTACTS_HTTP_" + response.getStatusCode().value(), null, null);
                }
                return Optional.ofNullable(response.bodyTo(Contact.class));
            });
        } catch (DeliveryFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw DeliveryFailure.retryable("CONTACTS_UNAVAILABLE", null, e);
        }
    }
}
