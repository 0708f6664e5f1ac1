package cn.qujiang.youth.gateway.security;

import cn.qujiang.youth.gateway.web.IdentityProviderUnavailableException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The realm's signing keys, fetched on the first token (so the gateway starts while Keycloak is still down) and
 * cached. The set is refetched when it is older than {@code jwks-ttl}, and when a token names an unknown key id
 * (key rotation) but then at most once per {@code jwks-refresh-interval}: tokens forged with made-up key ids
 * cannot turn the gateway into a Keycloak load generator. Concurrent fetches share one request; if Keycloak
 * cannot be reached, the last good set keeps serving.
 */
final class RealmKeys implements Function<SignedJWT, Flux<JWK>> {
    private static final Logger log = LoggerFactory.getLogger(RealmKeys.class);
    private final WebClient http;
    private final URI jwkSetUri;
    private final SecurityProperties properties;
    private final Clock clock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Mono<Snapshot>> inFlight = new AtomicReference<>();

    RealmKeys(WebClient http, URI jwkSetUri, SecurityProperties properties, Clock clock) {
        this.http = http;
        this.jwkSetUri = jwkSetUri;
        this.properties = properties;
        this.clock = clock;
    }

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        return usable().flatMapMany(snapshot -> {
            List<JWK> keys = selector.select(snapshot.keys());
            if (!keys.isEmpty() || !mayRefresh(snapshot)) {
                return Flux.fromIterable(keys);
            }
            return fetch().flatMapIterable(fresh -> selector.select(fresh.keys()));
        });
    }

    private Mono<Snapshot> usable() {
        Snapshot snapshot = current.get();
        if (snapshot != null && clock.instant().isBefore(snapshot.fetchedAt().plus(properties.jwksTtl()))) {
            return Mono.just(snapshot);
        }
        Mono<Snapshot> fetched = fetch();
        return snapshot == null ? fetched : fetched.onErrorReturn(snapshot);
    }

    private boolean mayRefresh(Snapshot snapshot) {
        return !clock.instant().isBefore(snapshot.fetchedAt().plus(properties.jwksRefreshInterval()));
    }

    private Mono<Snapshot> fetch() {
        Mono<Snapshot> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<Snapshot> request = http.get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                .timeout(properties.jwksTimeout())
                .map(this::parse)
                // handle, not doOnNext: Reactor puts the request's trace id into the MDC for this operator
                .<Snapshot>handle((snapshot, sink) -> {
                    current.set(snapshot);
                    log.info("fetched {} signing keys from {}", snapshot.keys().size(), jwkSetUri);
                    sink.next(snapshot);
                })
                .onErrorMap(e -> new IdentityProviderUnavailableException(
                        "cannot fetch the realm's signing keys from " + jwkSetUri + ": " + e.getMessage(), e))
                .doFinally(signal -> inFlight.set(null))
                .cache();
        return inFlight.compareAndSet(null, request) ? request : fetch();
    }

    private Snapshot parse(String body) {
        try {
            return new Snapshot(JWKSet.parse(body), clock.instant());
        } catch (ParseException e) {
            throw new IllegalStateException("the realm's JWKS is not a JWK set: " + e.getMessage(), e);
        }
    }
}
