package cn.qujiang.youth.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mobile app's three calls, through the gateway as the app makes them: HTTP/1.1 with a bearer token, answered
 * asynchronously on a small fixed pool so that the load generator itself stays a bounded, known cost on the machine.
 */
final class Gateway implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROFILE = "/api/talent/me/profile";
    private static final String STATUS = "/api/talent/me/matches/status";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final ExecutorService pool;
    private final HttpClient client;

    Gateway(String baseUrl, int threads) {
        this.baseUrl = baseUrl;
        this.pool = Executors.newFixedThreadPool(threads, daemon("load-http"));
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    CompletableFuture<HttpResponse<String>> putProfile(Resident resident, Map<String, Object> profile) {
        return client.sendAsync(request(resident, PROFILE).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(profile))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> readProfile(Resident resident) {
        return read(resident, PROFILE);
    }

    CompletableFuture<HttpResponse<String>> read(Resident resident, String path) {
        return client.sendAsync(request(resident, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The cheap "are my results current?"; with the last ETag a poll that learns nothing is a 304 without a body.
     * {@code waitSeconds} > 0: talent-service answers once results of {@code version} are stored, or after that long.
     */
    CompletableFuture<HttpResponse<String>> matchStatus(Resident resident, long version, int waitSeconds) {
        String path = waitSeconds > 0 ? STATUS + "?version=" + version + "&waitSeconds=" + waitSeconds : STATUS;
        HttpRequest.Builder request = request(resident, path).GET();
        Resident.MatchStatus last = resident.lastStatus();
        if (last != null && last.tag() != null) {
            request.header("If-None-Match", last.tag());
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(Resident resident, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + resident.token());
    }

    /** The profile version an answer carries in its ETag ({@code "7"}), or -1. */
    static long versionTag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").map(tag -> tag.replaceAll("[^0-9]", ""))
                .filter(digits -> !digits.isEmpty()).map(Long::parseLong).orElse(-1L);
    }

    /** The seconds a 429/503 asks to wait ({@code Retry-After} in seconds), or 0 when it names none. */
    static long retryAfterSeconds(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(value -> value.matches("\\d+"))
                .map(Long::parseLong).orElse(0L);
    }

    static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
    }

    /** Daemon threads: a run that fails half-way must not be kept alive by its own load generator. */
    static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
