package cn.qujiang.youth.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.infra.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that starts while Keycloak is down (nothing listens at the issuer): a signed-in caller's token cannot be
 * checked, which is the service's trouble, not the caller's — a 503 problem that says when to try again, never a
 * 500 and never a 401 that would sign the resident out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class IdentityProviderDownIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ISSUER = "http://127.0.0.1:" + closedPort() + "/realms/qujiang";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaAndMongo("kit-probe-idp-down").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    private final int port;

    IdentityProviderDownIT(@LocalServerPort int port) {
        this.port = port;
    }

    @Test
    void aTokenThatCannotBeCheckedIsA503WithRetryAfterInTheCallersLanguage() throws Exception {
        String token = ForeignTokens.signedByAnotherIssuer(ISSUER);

        for (int attempt = 0; attempt < 2; attempt++) { // the first call tries the discovery, the next one again
            HttpResponse<String> zh = get(token, null);
            assertThat(zh.statusCode()).as(zh.body()).isEqualTo(503);
            assertThat(zh.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(zh.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(zh.headers().firstValue("WWW-Authenticate")).as("the caller's token is not to blame").isEmpty();
            JsonNode problem = JSON.readTree(zh.body());
            assertThat(problem.path("code").asString()).isEqualTo("IDENTITY_PROVIDER_UNAVAILABLE");
            assertThat(problem.path("detail").asString()).isEqualTo("暂时无法校验登录状态，请稍后重试。");
            assertThat(problem.path("instance").asString()).isEqualTo("/api/probe/me");
        }
        JsonNode english = JSON.readTree(get(token, "en").body());
        assertThat(english.path("detail").asString()).isEqualTo("Sign-in cannot be checked right now; try again shortly.");
    }

    @Test
    void withoutATokenItIsStillTheCallersMissingSignIn() throws Exception {
        assertThat(get(null, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String token, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/probe/me"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on: taken and given back at once. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
