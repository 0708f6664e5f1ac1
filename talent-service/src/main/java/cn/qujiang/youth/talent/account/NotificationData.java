package cn.qujiang.youth.talent.account;

import cn.qujiang.youth.kit.http.OutboundHttp;
import cn.qujiang.youth.kit.web.ApiException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * What notification-service holds about an applicant (inbox, preferences, delivery log), asked for at export time
 * from its {@code GET /internal/applicants/{id}/notifications} with talent-service's client-credentials token. Its
 * shape is notification-service's to define: the export carries the answer as it comes.
 */
@Component
class NotificationData {
    private static final Logger log = LoggerFactory.getLogger(NotificationData.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient client;
    private final NotificationsProperties properties;

    NotificationData(NotificationsProperties properties, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        this.properties = properties;
        this.client = OutboundHttp.serviceAccount(properties.registrationId(), properties.tokenRenewBeforeExpiry(),
                        registrations, authorizedClients, properties.connectTimeout(), properties.readTimeout())
                .baseUrl(properties.baseUrl())
                .build();
    }

    /**
     * @throws ApiException 503 {@code NOTIFICATIONS_UNAVAILABLE} with Retry-After when notification-service (or
     *                      Keycloak, for the token) cannot answer: an export without it would be incomplete
     */
    Map<String, Object> of(String applicantId, Locale locale) {
        try {
            Map<String, Object> data = client.get().uri("/internal/applicants/{applicantId}/notifications", applicantId)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag())
                    .retrieve()
                    .body(JSON_OBJECT);
            if (data == null) {
                throw new IllegalStateException("empty answer");
            }
            return data;
        } catch (RuntimeException e) {
            // The type only: a client exception's message may quote the answer.
            log.warn("notification data unavailable for an export: {}", e.getClass().getSimpleName());
            throw ApiException.unavailable("NOTIFICATIONS_UNAVAILABLE", properties.retryAfter());
        }
    }
}
