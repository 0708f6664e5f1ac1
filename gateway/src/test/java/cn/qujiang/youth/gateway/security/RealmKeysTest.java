package cn.qujiang.youth.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.gateway.web.IdentityProviderUnavailableException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class RealmKeysTest {
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final MovableClock clock = new MovableClock();
    private HttpServer keycloak;
    private RealmKeys keys;
    private RSAKey current;

    @BeforeEach
    void start() throws Exception {
        current = rsa("key-1");
        published.set(new JWKSet(current.toPublicJWK()));
        keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keycloak.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        keys = keysAt(URI.create("http://127.0.0.1:" + keycloak.getAddress().getPort() + "/certs"));
    }

    @AfterEach
    void stop() {
        keycloak.stop(0);
    }

    @Test
    void fetchesLazilyOnTheFirstTokenAndThenFromTheCache() throws Exception {
        assertThat(fetches).hasValue(0);
        assertThat(select(signedBy(current))).extracting(JWK::getKeyID).containsExactly("key-1");
        assertThat(select(signedBy(current))).hasSize(1);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void picksUpARotatedKeyButRefetchesForUnknownKeysAtMostOncePerInterval() throws Exception {
        select(signedBy(current));
        RSAKey rotated = rsa("key-2");
        published.set(new JWKSet(List.of(current.toPublicJWK(), rotated.toPublicJWK())));

        assertThat(select(signedBy(rotated))).isEmpty(); // within the refresh interval: no new fetch
        assertThat(select(signedBy(rsa("forged")))).isEmpty();
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(select(signedBy(rotated))).extracting(JWK::getKeyID).containsExactly("key-2");
        assertThat(select(signedBy(rsa("forged")))).isEmpty();
        assertThat(select(signedBy(rsa("forged-again")))).isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void keycloakDownIsReportedAsUnavailableNotAsABadToken() throws Exception {
        keycloak.stop(0);
        assertThatThrownBy(() -> select(signedBy(current)))
                .isInstanceOf(IdentityProviderUnavailableException.class);
    }

    @Test
    void keepsServingTheLastGoodKeysWhenARefreshFails() throws Exception {
        select(signedBy(current));
        keycloak.stop(0);
        clock.advance(Duration.ofMinutes(11)); // past the TTL
        assertThat(select(signedBy(current))).extracting(JWK::getKeyID).containsExactly("key-1");
    }

    private List<JWK> select(SignedJWT jwt) {
        return keys.apply(jwt).collectList().block(Duration.ofSeconds(10));
    }

    private RealmKeys keysAt(URI uri) {
        return new RealmKeys(WebClient.create(), uri,
                new SecurityProperties(null, null, null, Duration.ofMinutes(10), Duration.ofSeconds(30),
                        Duration.ofSeconds(2), null), clock);
    }

    private static RSAKey rsa(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    private static SignedJWT signedBy(RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("sub-1").build());
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }
}
