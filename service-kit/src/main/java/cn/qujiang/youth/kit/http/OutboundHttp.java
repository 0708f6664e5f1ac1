package cn.qujiang.youth.kit.http;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Every outbound HTTP client of the services: one service calling another's {@code /internal/**} API (or
 * Keycloak's admin API) with its own service account, and plain clients such as an SMS provider's.
 */
public final class OutboundHttp {
    private OutboundHttp() {
    }

    /**
     * Bounded connect and read times, so a hung peer becomes a retryable failure instead of a stuck worker.
     * HTTP/1.1 only: the JDK client's default HTTP/2 upgrade attempt stalls against some HTTP/1.1 servers.
     */
    public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build());
        factory.setReadTimeout(readTimeout);
        return factory;
    }

    /**
     * A client that sends a Keycloak client-credentials token of the registration {@code registrationId}
     * ({@code spring.security.oauth2.client.registration.<id>}). Spring Security caches the token, renews it
     * {@code renewBeforeExpiry} before it expires, and drops it when the peer answers 401, so the next call fetches
     * a fresh one.
     */
    public static RestClient.Builder serviceAccount(String registrationId, Duration renewBeforeExpiry,
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients,
            Duration connectTimeout, Duration readTimeout) {
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
                .requestFactory(requestFactory(connectTimeout, readTimeout))
                .requestInterceptor(bearer);
    }
}
