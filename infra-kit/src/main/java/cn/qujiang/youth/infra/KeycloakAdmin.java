package cn.qujiang.youth.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates users in the qujiang realm through Keycloak's admin API, as self-registration would (so they get the
 * default role applicant). Only for the local, dev-mode Keycloak: its bootstrap admin is fixed here.
 */
public final class KeycloakAdmin {
    static final String USERNAME = "local-admin";
    static final String PASSWORD = "local-admin-only";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    KeycloakAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A new enabled user with a verified email and a permanent password; returns its id (the token's sub). */
    public String createApplicant(String username, String password, String email) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", email,
                "emailVerified", true, "firstName", "Test", "lastName", "Applicant",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/"
                        + KeycloakServer.REALM + "/users"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating user " + username + " failed: " + created.statusCode());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + USERNAME + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token refused: " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
