package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The front ends' API types are generated from the documents in web/openapi/; they must be the documents the
 * services really serve, or the app is typed against an API that does not exist.
 */
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
        assertThat(withoutServers(JSON.readTree(served.body())))
                .as("web/openapi/%s.json differs from what %s-service serves: with ./run.sh running, "
                        + "run `cd web && npm run openapi:refresh` and commit the result", service, service)
                .isEqualTo(committed);
    }

    /** The server URL names the port the service happened to run on; everything else must match. */
    private static JsonNode withoutServers(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return document;
    }
}
