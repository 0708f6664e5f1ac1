package cn.qujiang.youth.infra;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Edits of the realm file made before import, for a stack whose apps do not listen on the documented ports. */
final class RealmFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealmFile() {
    }

    /** The realm with each origin allowed for its client's sign-in, sign-out and CORS; unchanged when none. */
    static String withAppOrigins(String realm, Map<String, List<String>> originsByClient) {
        if (originsByClient.isEmpty()) {
            return realm;
        }
        ObjectNode root = (ObjectNode) JSON.readTree(realm);
        for (JsonNode node : root.withArray("clients")) {
            ObjectNode client = (ObjectNode) node;
            List<String> origins = originsByClient.getOrDefault(client.path("clientId").asString(), List.of());
            for (String origin : origins) {
                addOnce(client.withArray("redirectUris"), origin + "/*");
                addOnce(client.withArray("webOrigins"), origin);
                ObjectNode attributes = client.withObject("attributes");
                String logout = attributes.path("post.logout.redirect.uris").asString("");
                if (!List.of(logout.split("##")).contains(origin + "/*")) {
                    attributes.put("post.logout.redirect.uris", logout.isEmpty() ? origin + "/*" : logout + "##" + origin + "/*");
                }
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static void addOnce(ArrayNode values, String value) {
        for (JsonNode existing : values) {
            if (existing.asString().equals(value)) {
                return;
            }
        }
        values.add(value);
    }
}
