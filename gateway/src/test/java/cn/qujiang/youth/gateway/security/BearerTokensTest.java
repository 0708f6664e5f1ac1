package cn.qujiang.youth.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

/** The gateway reads a bearer token exactly as Spring Security's converter does: same token, same refusals. */
class BearerTokensTest {
    private final BearerTokens tokens = new BearerTokens();
    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln-_~+/", "bearer abc", "BEARER abc==",
            "Bearer a.b.c="})
    void takesTheTokenSpringTakes(String authorization) {
        assertThat(credentials(tokens.convert(exchange(authorization)).block()))
                .isEqualTo(credentials(spring.convert(exchange(authorization)).block()))
                .isEqualTo(authorization.substring("Bearer ".length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  abc", "Bearer abc def", "Bearer ===", "Bearer a=b",
            "Bearer abc\n", "Bearer ab%c", "BearerX abc", "Bearer ä"})
    void refusesAsMalformedWhatSpringRefuses(String authorization) {
        assertThatThrownBy(() -> spring.convert(exchange(authorization)).block())
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> tokens.convert(exchange(authorization)).block())
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessage("Bearer token is malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Token abc", ""})
    void otherSchemesCarryNoBearerToken(String authorization) {
        assertThat(tokens.convert(exchange(authorization)).blockOptional()).isEmpty();
        assertThat(spring.convert(exchange(authorization)).blockOptional()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc\u0007", "Bearer \u0000abc"})
    void aValueTheFirewallRejectsIsStillRejectedByIt(String authorization) {
        assertThatThrownBy(() -> spring.convert(firewalled(authorization)).block())
                .isInstanceOf(ServerExchangeRejectedException.class);
        assertThatThrownBy(() -> tokens.convert(firewalled(authorization)).block())
                .isInstanceOf(ServerExchangeRejectedException.class);
    }

    @Test
    void readsTheTokenBeneathTheFirewall() {
        String authorization = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
        assertThat(credentials(tokens.convert(firewalled(authorization)).block()))
                .isEqualTo(credentials(spring.convert(firewalled(authorization)).block()));
    }

    @Test
    void noHeaderNoToken() {
        assertThat(tokens.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/api/talent/me")))
                .blockOptional()).isEmpty();
    }

    private static MockServerWebExchange exchange(String authorization) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/talent/me")
                .header("Authorization", authorization));
    }

    private static ServerWebExchange firewalled(String authorization) {
        return new StrictServerWebExchangeFirewall().getFirewalledExchange(exchange(authorization)).block();
    }

    private static Object credentials(Authentication authentication) {
        return authentication == null ? null : authentication.getCredentials();
    }
}
