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
 * Real tokens from the realm for scripted journeys: password grant through the test-only public clients and the
 * client-credentials grant of confidential clients.
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
        return accessToken(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password, "scope", "openid"));
    }

    public String clientCredentials(String clientId, String secret) {
        return accessToken(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String accessToken(Map<String, String> form) {
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
            return json.get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
