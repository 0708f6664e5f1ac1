package cn.qujiang.youth.kit.http;

import java.time.Duration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * A RestClient that calls another service's internal API as this service's Keycloak service account: a
 * client-credentials token that Spring Security caches and renews {@code renewBeforeExpiry} before it expires (and
 * drops when the callee answers 401, so the next call fetches a fresh one), with bounded connect and read times.
 * Needs {@code spring-boot-starter-security-oauth2-client} and the client registration {@code registrationId}.
 */
public final class ServiceAccountClient {
    private ServiceAccountClient() {
    }

    public static RestClient create(String baseUrl, String registrationId, Duration renewBeforeExpiry,
            Duration connectTimeout, Duration readTimeout, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager tokens =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        tokens.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.clockSkew(renewBeforeExpiry))
                .build());
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(tokens);
        bearer.setClientRegistrationIdResolver(request -> registrationId);
        bearer.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(OutboundHttp.requestFactory(connectTimeout, readTimeout))
                .requestInterceptor(bearer)
                .build();
    }
}
