package cn.qujiang.youth.kit.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.util.AntPathMatcher;

/**
 * What every service's served API document says alike, so that it does not mislead a client: the one server is the
 * gateway's path (the services' own ports are not reachable from outside), protected operations name the Keycloak
 * bearer token they need, and every operation lists the refusals it can give as problem+json with a {@code code}.
 * Public operations ({@code qujiang.api-docs.public-operations}, "METHOD /path/pattern") need no token.
 */
public final class ApiDocuments implements OpenApiCustomizer {
    static final String BEARER = "keycloak-bearer";
    /** The same kind of token; named apart so that a reader sees which operations need a staff role. */
    static final String STAFF_BEARER = "keycloak-bearer-staff";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final AntPathMatcher PATHS = new AntPathMatcher();
    /** Production: clients reach the services only through the gateway, under the same paths. */
    static Server gateway() {
        Server gateway = new Server().url("/").description("production: the gateway; the services' own ports are "
                + "not reachable from outside");
        gateway.addExtension("x-internal", false);
        return gateway;
    }

    private final List<String> publicOperations;

    public ApiDocuments(List<String> publicOperations) {
        this.publicOperations = List.copyOf(publicOperations);
    }

    @Override
    public void customise(OpenAPI api) {
        api.setServers(List.of(gateway()));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token of the Keycloak realm `qujiang` (audience "
                        + "`youth-api`); roles from `realm_access.roles`. Signed RS256, checked as RFC8725 advises: "
                        + "the algorithm fixed, issuer, audience and expiry verified."));
        components.addSecuritySchemes(STAFF_BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("An access token of the Keycloak realm `qujiang` "
                        + "(audience `youth-api`) of a staff member: realm role `hr-officer` (review, deliveries, "
                        + "eligible lists) or `policy-admin` (catalogue administration). Checked as RFC8725 advises."));
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(path, method, operation)));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = publicOperations.stream().anyMatch(rule -> {
            String[] parts = rule.trim().split("\\s+", 2);
            return parts.length == 2 && parts[0].equalsIgnoreCase(method.name()) && PATHS.match(parts[1], path);
        });
        if (!open) {
            boolean staff = path.contains("/admin/") || path.contains("/review/") || path.endsWith("/eligible");
            operation.setSecurity(List.of(new SecurityRequirement().addList(staff ? STAFF_BEARER : BEARER)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<String, String> refusals = new TreeMap<>();
        refusals.put("400", "The request is not valid (`VALIDATION_FAILED` with `errors`, `MALFORMED_BODY`, "
                + "`INVALID_PARAMETER`, …)");
        if (!open) {
            refusals.put("401", "No valid access token (`UNAUTHENTICATED`)");
            refusals.put("403", "The caller's role does not allow this (`FORBIDDEN`)");
        }
        if (path.contains("{")) {
            refusals.put("404", "Not found, or not the caller's (`NOT_FOUND`)");
        }
        if (operation.getRequestBody() != null) {
            refusals.put("413", "Body larger than the limit (`BODY_TOO_LARGE`)");
            refusals.put("415", "Not `application/json` (`UNSUPPORTED_MEDIA_TYPE`)");
        }
        refusals.put("429", "Too many requests from this caller (`RATE_LIMITED`, `Retry-After`)");
        refusals.put("503", "Busy or a dependency is down (`OVERLOADED`, `STORAGE_UNAVAILABLE`, …; "
                + "`Retry-After` when worth repeating)");
        refusals.forEach((status, description) -> {
            if (responses.get(status) == null) {
                responses.addApiResponse(status, problem(description));
            }
        });
        for (String retryable : List.of("429", "503")) {
            responses.get(retryable).addHeaderObject("Retry-After", new Header()
                    .description("whole seconds after which the request may be sent again")
                    .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(3600))))
                    .addHeaderObject("Access-Control-Allow-Origin", new Header()
                            .description("the calling page's origin, when it is one the gateway allows "
                                    + "(`qujiang.cors.allowed-origins`)")
                            .schema(new StringSchema().format("uri").maxLength(200)));
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** RFC 9457 with the suite's members; {@code code} is the stable part a client may branch on. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().maxLength(200).description("the field, e.g. `education.degree`"))
                .addProperty("message", new StringSchema().maxLength(500))
                .addProperty("code", new StringSchema().maxLength(60));
        Schema problem = new ObjectSchema()
                .description("RFC 9457 problem details; `detail` in the caller's language (zh by default)")
                .addProperty("type", new StringSchema().format("uri-reference").maxLength(200))
                .addProperty("title", new StringSchema().maxLength(200))
                .addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().maxLength(2000))
                .addProperty("instance", new StringSchema().format("uri-reference").maxLength(8192))
                .addProperty("code", new StringSchema().pattern("^[A-Z][A-Z0-9_]*$").maxLength(60)
                        .description("stable refusal code"))
                .addProperty("traceId", new StringSchema().pattern("^[0-9a-f]{32}$").maxLength(32))
                .addProperty("errors", new ArraySchema().items(fieldError).maxItems(100))
                .addProperty("reasons", new ArraySchema().items(new StringSchema().maxLength(60)).maxItems(100));
        problem.setRequired(List.of("status", "code"));
        return problem;
    }
}
