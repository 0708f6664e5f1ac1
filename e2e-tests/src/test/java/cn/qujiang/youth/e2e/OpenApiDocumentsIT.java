package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The front ends' API types are generated from the documents in web/openapi/; they must be the documents the
 * services really serve, or the app is typed against an API that does not exist.
 */
@Order(5)
class OpenApiDocumentsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REPO = Path.of(System.getProperty("qujiang.repo-dir", ".."));

    @ParameterizedTest
    @ValueSource(strings = {"talent", "policy", "notification"})
    void theAppIsTypedAgainstTheServedApi(String service) throws IOException, InterruptedException {
        String base = E2eStack.get().service(service + "-service").baseUrl();
        HttpResponse<String> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);

        JsonNode committed = withoutServers(JSON.readTree(Files.readString(REPO.resolve("web/openapi/" + service + ".json"))));
        List<String> differences = new ArrayList<>();
        compare("", committed, withoutServers(JSON.readTree(served.body())), differences);
        assertThat(differences)
                .as("web/openapi/%s.json differs from what %s-service serves: with ./run.sh running, run "
                        + "`cd web && npm run openapi:refresh && npm run gen:api`, fix what no longer type-checks "
                        + "(`cd web/mobile && npx vue-tsc --noEmit -p tsconfig.json`) and commit both", service, service)
                .isEmpty();
    }

    /** Where the two documents differ, as JSON pointers: enough to see what changed without printing both. */
    private static void compare(String at, JsonNode committed, JsonNode served, List<String> differences) {
        // 3 and 3.0 are the same JSON number; the refresh script (Node) writes a whole double without its ".0".
        boolean sameNumber = committed.isNumber() && served.isNumber()
                && committed.decimalValue().compareTo(served.decimalValue()) == 0;
        if (differences.size() >= 20 || committed.equals(served) || sameNumber) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>(committed.propertyNames());
            names.addAll(served.propertyNames());
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    differences.add(child + ": only served");
                } else if (!served.has(name)) {
                    differences.add(child + ": only committed");
                } else {
                    compare(child, committed.get(name), served.get(name), differences);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                compare(at + "/" + i, committed.get(i), served.get(i), differences);
            }
        } else {
            differences.add(at + ": committed " + abbreviated(committed) + ", served " + abbreviated(served));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** The server URL names the port the service happened to run on; everything else must match. */
    private static JsonNode withoutServers(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return document;
    }
}
