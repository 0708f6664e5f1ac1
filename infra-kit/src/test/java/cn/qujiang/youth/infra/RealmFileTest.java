package cn.qujiang.youth.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RealmFileTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anAppOnAnotherPortMaySignInAndOutThroughItsClient() {
        String realm = InfraSettings.resource("keycloak/qujiang-realm.json");

        JsonNode edited = JSON.readTree(RealmFile.withAppOrigins(realm,
                Map.of("youth-mobile", List.of("http://localhost:41234"))));

        JsonNode mobile = client(edited, "youth-mobile");
        assertThat(mobile.path("redirectUris").toString())
                .contains("http://localhost:5173/*", "http://localhost:41234/*");
        assertThat(mobile.path("webOrigins").toString()).contains("\"http://localhost:41234\"");
        assertThat(mobile.path("attributes").path("post.logout.redirect.uris").asString())
                .contains("http://localhost:5173/*").endsWith("##http://localhost:41234/*");
        assertThat(client(edited, "hr-console").path("redirectUris").toString()).doesNotContain("41234");
    }

    @Test
    void withoutExtraOriginsTheRealmIsImportedAsWritten() {
        String realm = InfraSettings.resource("keycloak/qujiang-realm.json");
        assertThat(RealmFile.withAppOrigins(realm, Map.of())).isSameAs(realm);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
