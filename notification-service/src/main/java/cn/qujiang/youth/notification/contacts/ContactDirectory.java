package cn.qujiang.youth.notification.contacts;

import cn.qujiang.youth.kit.http.OutboundHttp;
import cn.qujiang.youth.notification.delivery.DeliveryFailure;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Looks up an applicant's contact details in talent-service at send time ({@code GET /internal/contacts/{id}}),
 * with notification-service's client-credentials token ({@link OutboundHttp#serviceAccount}).
 */
@Component
public class ContactDirectory {
    private final RestClient client;

    ContactDirectory(ContactsProperties properties, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        this.client = OutboundHttp.serviceAccount(properties.registrationId(), properties.tokenRenewBeforeExpiry(),
                        registrations, authorizedClients, properties.connectTimeout(), properties.readTimeout())
                .baseUrl(properties.baseUrl())
                .build();
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
