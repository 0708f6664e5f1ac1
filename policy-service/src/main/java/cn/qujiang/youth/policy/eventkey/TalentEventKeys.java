package cn.qujiang.youth.policy.eventkey;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.kit.http.OutboundHttp;
import cn.qujiang.youth.kit.messaging.PeerUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/**
 * Event keys from talent-service ({@code GET /internal/event-keys/{id}}, or {@code POST /internal/event-keys/lookup}
 * for up to {@value #LOOKUP_SIZE} applicants at once) with policy-service's service account (role
 * event-key-reader). A key found is kept in a bounded in-memory cache until ApplicantErased, eviction or an
 * hour has passed (so that a key fetched by a re-match racing the erasure does not linger); absence (404) is not
 * cached, since it is final anyway and rare.
 */
@Component
@EnableConfigurationProperties(EventKeyProperties.class)
class TalentEventKeys implements ApplicantKeys {
    private static final Duration KEPT_FOR = Duration.ofHours(1);
    /** talent-service's limit per lookup. */
    static final int LOOKUP_SIZE = 500;
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

    /**
     * The cached keys, and the others from talent-service in lookups of up to {@value #LOOKUP_SIZE}: a re-match
     * that announces thousands of changes asks once per page instead of once per applicant.
     */
    @Override
    public Map<String, EventKey> findAll(Collection<String> applicantIds) {
        Map<String, EventKey> found = new HashMap<>(keys.getAllPresent(applicantIds));
        List<String> missing = applicantIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        for (int from = 0; from < missing.size(); from += LOOKUP_SIZE) {
            Map<String, EventKey> fetched = fetch(missing.subList(from, Math.min(missing.size(), from + LOOKUP_SIZE)));
            keys.putAll(fetched);
            found.putAll(fetched);
        }
        return found;
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
        return call(() -> client.get().uri("/internal/event-keys/{applicantId}", applicantId)
                .exchange((request, response) -> response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                        ? Optional.<EventKey>empty() : Optional.ofNullable(answer(response).bodyTo(EventKey.class))));
    }

    private Map<String, EventKey> fetch(List<String> applicantIds) {
        Found found = call(() -> client.post().uri("/internal/event-keys/lookup").body(new Lookup(applicantIds))
                .exchange((request, response) -> answer(response).bodyTo(Found.class)));
        return found == null || found.keys() == null ? Map.of() : found.keys();
    }

    /** The response when it is a success, else the failure it means. */
    private static ConvertibleClientHttpResponse answer(ConvertibleClientHttpResponse response) throws IOException {
        if (response.getStatusCode().is5xxServerError()) {
            throw new PeerUnavailableException("talent-service answered " + response.getStatusCode().value()
                    + " for an event key", null);
        }
        if (response.getStatusCode().isError()) {
            throw new IllegalStateException("talent-service answered " + response.getStatusCode().value()
                    + " for an event key");
        }
        return response;
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException | OAuth2AuthorizationException e) {
            throw new PeerUnavailableException("no event key from talent-service: " + e.getMessage(), e);
        }
    }

    private record Lookup(List<String> applicantIds) {
    }

    private record Found(Map<String, EventKey> keys) {
    }
}
