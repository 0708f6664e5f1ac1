package cn.qujiang.youth.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from the realm for scripted journeys: password grant through the test-only public clients (and the
 * refresh grant of the session it opens) and the client-credentials grant of confidential clients.
 */
public final class KeycloakTokens {
    /** Public test client with direct access grants; its tokens carry the youth-api audience. */
    public static final String TEST_CLIENT = "youth-e2e";
    /** Like {@link #TEST_CLIENT}, but its access tokens live two seconds: how tests get a genuinely expired token. */
    public static final String SHORT_LIVED_CLIENT = "youth-e2e-short";
    /** A client whose tokens lack the youth-api audience. */
    public static final String NO_AUDIENCE_CLIENT = "youth-e2e-noaud";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String issuerUri;

    KeycloakTokens(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    public String password(String username, String password) {
        return password(TEST_CLIENT, username, password);
    }

    public String password(String clientId, String username, String password) {
        return accessToken(passwordGrant(clientId, username, password));
    }

    /** A password grant that keeps the session's refresh token, for {@link #refresh}. */
    public Session signIn(String clientId, String username, String password) {
        return session(clientId, tokens(passwordGrant(clientId, username, password)));
    }

    /**
     * A new access token for the same session. Keycloak checks the refresh token instead of hashing the password
     * again: a fraction of a password grant's CPU, which matters when hundreds of residents renew at once.
     */
    public Session refresh(Session session) {
        return session(session.clientId(), tokens(Map.of("grant_type", "refresh_token",
                "client_id", session.clientId(), "refresh_token", session.refreshToken())));
    }

    public String clientCredentials(String clientId, String secret) {
        return accessToken(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A signed-in session of a public client: its current access token and the refresh token that renews it. */
    public record Session(String clientId, String accessToken, String refreshToken) {
    }

    private static Session session(String clientId, JsonNode tokens) {
        if (!tokens.has("refresh_token")) {
            throw new IllegalStateException("no refresh token for " + clientId);
        }
        return new Session(clientId, tokens.get("access_token").asString(), tokens.get("refresh_token").asString());
    }

    private static Map<String, String> passwordGrant(String clientId, String username, String password) {
        return Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password,
                "scope", "openid");
    }

    private String accessToken(Map<String, String> form) {
        return tokens(form).get("access_token").asString();
    }

    private JsonNode tokens(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.has("access_token")) {
                throw new IllegalStateException("token request for " + form.get("client_id") + " failed: "
                        + response.statusCode() + " " + json.path("error").asString());
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
