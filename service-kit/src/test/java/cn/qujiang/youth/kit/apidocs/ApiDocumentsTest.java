package cn.qujiang.youth.kit.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDocumentsTest {
    private final ApiDocuments documents = new ApiDocuments(List.of("GET /api/policy/measures/{code}",
            "POST /api/policy/evaluate"));

    @Test
    void protectedOperationsNameTheTokenAndEveryRefusalIsAProblem() {
        OpenAPI api = document();

        documents.customise(api);

        Operation draft = api.getPaths().get("/api/policy/admin/measures/{code}/draft").getPut();
        // an administration operation names the staff token, so a reader sees it needs a staff role
        assertThat(draft.getSecurity()).singleElement().satisfies(requirement ->
                assertThat(requirement).containsOnlyKeys(ApiDocuments.STAFF_BEARER));
        assertThat(draft.getResponses()).containsKeys("200", "400", "401", "403", "404", "413", "415", "429", "503");
        assertThat(draft.getResponses().get("409").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(draft.getResponses().get("429").getHeaders()).containsKeys("Retry-After",
                "Access-Control-Allow-Origin");
        assertThat(api.getComponents().getSchemas().get(ApiDocuments.PROBLEM).getRequired()).contains("code");
        assertThat(api.getServers()).extracting(Server::getUrl).containsExactly("/");
    }

    @Test
    void publicOperationsNeedNoToken() {
        OpenAPI api = document();

        documents.customise(api);

        Operation measure = api.getPaths().get("/api/policy/measures/{code}").getGet();
        assertThat(measure.getSecurity()).isNull();
        assertThat(measure.getResponses()).doesNotContainKeys("401", "403").containsKeys("404", "429");
        assertThat(api.getPaths().get("/api/policy/evaluate").getPost().getSecurity()).isNull();
    }

    private static OpenAPI document() {
        ApiResponses draftResponses = new ApiResponses().addApiResponse("200", new ApiResponse().description("saved"))
                .addApiResponse("409", new ApiResponse().description("stale").content(new Content()
                        .addMediaType("*/*", new MediaType())));
        RequestBody json = new RequestBody().content(new Content().addMediaType("application/json", new MediaType()));
        return new OpenAPI().servers(List.of(new Server().url("http://127.0.0.1:8082"))).paths(new Paths()
                .addPathItem("/api/policy/admin/measures/{code}/draft", new PathItem()
                        .put(new Operation().requestBody(json).responses(draftResponses)))
                .addPathItem("/api/policy/measures/{code}", new PathItem()
                        .get(new Operation().responses(new ApiResponses()
                                .addApiResponse("200", new ApiResponse().description("the measure")))))
                .addPathItem("/api/policy/evaluate", new PathItem()
                        .post(new Operation().requestBody(json).responses(new ApiResponses()
                                .addApiResponse("200", new ApiResponse().description("results"))))));
    }
}
