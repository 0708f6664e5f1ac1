package cn.qujiang.youth.policy.eventkey;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.kit.http.OutboundHttp;
import cn.qujiang.youth.kit.messaging.PeerUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Event keys from talent-service ({@code GET /internal/event-keys/{id}}) with policy-service's service account
 * (role event-key-reader). A key found is kept in a bounded in-memory cache until ApplicantErased, eviction or an
 * hour has passed (so that a key fetched by a re-match racing the erasure does not linger); absence (404) is not
 * cached, since it is final anyway and rare.
 */
@Component
@EnableConfigurationProperties(EventKeyProperties.class)
class TalentEventKeys implements ApplicantKeys {
    private static final Duration KEPT_FOR = Duration.ofHours(1);
    private final RestClient client;
    private final Cache<String, EventKey> keys;

    TalentEventKeys(EventKeyProperties properties, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        this.client = OutboundHttp.serviceAccount(properties.registrationId(), properties.tokenRenewBeforeExpiry(),
                        registrations, authorizedClients, properties.connectTimeout(), properties.readTimeout())
                .baseUrl(properties.baseUrl())
                .build();
        this.keys = Caffeine.newBuilder().maximumSize(properties.cacheSize()).expireAfterWrite(KEPT_FOR)
                .executor(Runnable::run).build();
    }

    @Override
    public Optional<EventKey> find(String applicantId) {
        EventKey cached = keys.getIfPresent(applicantId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<EventKey> fetched = fetch(applicantId);
        fetched.ifPresent(key -> keys.put(applicantId, key));
        return fetched;
    }

    @Override
    public void forget(String applicantId) {
        keys.invalidate(applicantId);
    }

    /**
     * 404: erased. A 5xx, no connection, or no token (Keycloak unreachable) is the peer being unavailable: the
     * listener waits for it (kit {@code PeerUnavailableException}) rather than dead-lettering the applicant's event.
     * Any other answer is a fault of ours (a missing role, say) and fails as such.
     */
    private Optional<EventKey> fetch(String applicantId) {
        try {
            return client.get().uri("/internal/event-keys/{applicantId}", applicantId).exchange((request, response) -> {
                if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return Optional.<EventKey>empty();
                }
                if (response.getStatusCode().is5xxServerError()) {
                    throw new PeerUnavailableException("talent-service answered " + response.getStatusCode().value()
                            + " for an event key", null);
                }
                if (response.getStatusCode().isError()) {
                    throw new IllegalStateException("talent-service answered " + response.getStatusCode().value()
                            + " for an event key");
                }
                return Optional.ofNullable(response.bodyTo(EventKey.class));
            });
        } catch (ResourceAccessException | OAuth2AuthorizationException e) {
            throw new PeerUnavailableException("no event key from talent-service: " + e.getMessage(), e);
        }
    }
}
