package cn.qujiang.youth.gateway.bench;

import cn.qujiang.youth.gateway.GatewayApplication;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: measures what the gateway adds to a call. One run starts a stub service (JDK HTTP server), the
 * gateway in this JVM routing to it, and sends the same anonymous public request (GET of one measure) straight to
 * the stub and through the gateway, on loopback: first one caller at a time for latency (p50/p99), then several
 * concurrent callers for throughput. Everything the gateway normally does runs: trace context, CORS check, body
 * limit, security rules, rate limit (with a limit too high to trigger), circuit breaker, access log (to a file).
 * Counts and durations are bounded. Run: {@code mvn -B -o -pl gateway -Pbench test-compile exec:exec}.
 */
public final class GatewayLatencyBenchmark {
    private static final String PATH = "/api/policy/measures/QJY-01";
    private static final byte[] MEASURE = ("{\"code\":\"QJY-01\",\"version\":3,\"title\":{\"zh\":\"青年驿站免费住宿\","
            + "\"en\":\"Free lodging at youth stations\"},\"category\":\"EMPLOYMENT\",\"benefit\":{\"kind\":\"IN_KIND\","
            + "\"unit\":\"NIGHT\",\"amount\":\"7\"},\"window\":{\"opens\":\"2024-01-01\",\"closes\":null}}")
            .getBytes(StandardCharsets.UTF_8);

    private static final int WARMUP = Integer.getInteger("bench.warmup", 3_000);
    private static final int SEQUENTIAL = Integer.getInteger("bench.requests", 5_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final Duration THROUGHPUT_TIME = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(90);

    private final AtomicLong failures = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        // without it the JDK server's separate header and body writes meet delayed ACKs: 40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        stub.setExecutor(Executors.newFixedThreadPool(8));
        stub.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, MEASURE.length);
            exchange.getResponseBody().write(MEASURE);
            exchange.close();
        });
        stub.start();
        String stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort();
        List<String> gatewayArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--qujiang.routes.policy=" + stubUrl,
                "--qujiang.routes.talent=" + stubUrl,
                "--qujiang.routes.notification=" + stubUrl,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:" + freePort() + "/realms/qujiang",
                "--qujiang.rate-limit.anonymous.requests=1000000000",
                "--logging.threshold.console=WARN",
                "--logging.file.name=target/bench-gateway.log",
                "--logging.structured.format.file=ecs"));
        // e.g. -Dbench.args="--spring.reactor.context-propagation=limited" to see what one feature costs
        String extra = System.getProperty("bench.args", "").trim();
        if (!extra.isEmpty()) {
            gatewayArgs.addAll(List.of(extra.split("\\s+")));
        }
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(gatewayArgs.toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            new GatewayLatencyBenchmark().run(URI.create(stubUrl + PATH), URI.create("http://127.0.0.1:" + port + PATH));
        } finally {
            gateway.close();
            stub.stop(0);
            ((ExecutorService) stub.getExecutor()).shutdownNow();
        }
    }

    private void run(URI direct, URI viaGateway) throws Exception {
        System.out.printf("%nGateway benchmark: GET %s, %d B response, loopback, %d cores, Java %s%n", PATH,
                MEASURE.length, Runtime.getRuntime().availableProcessors(), Runtime.version());
        sequential(direct, WARMUP);
        sequential(viaGateway, WARMUP);
        long[] directLatencies = sequential(direct, SEQUENTIAL);
        long[] gatewayLatencies = sequential(viaGateway, SEQUENTIAL);
        double directThroughput = throughput(direct);
        double gatewayThroughput = throughput(viaGateway);

        System.out.printf("%-34s %10s %10s %10s%n", "one caller at a time (" + SEQUENTIAL + " req)", "p50 ms", "p99 ms",
                "mean ms");
        print("direct to the stub", directLatencies);
        print("through the gateway", gatewayLatencies);
        System.out.printf("%-34s %10.3f %10.3f%n", "added by the gateway",
                millis(percentile(gatewayLatencies, 50) - percentile(directLatencies, 50)),
                millis(percentile(gatewayLatencies, 99) - percentile(directLatencies, 99)));
        System.out.printf("%n%-34s %10s%n", CONCURRENCY + " concurrent callers, " + THROUGHPUT_TIME.toSeconds() + " s",
                "req/s");
        System.out.printf("%-34s %10.0f%n", "direct to the stub", directThroughput);
        System.out.printf("%-34s %10.0f%n", "through the gateway", gatewayThroughput);
        System.out.printf("failed or timed-out requests (all phases): %d%n%n", failures.get());
    }

    private long[] sequential(URI uri, int count) throws Exception {
        long[] latencies = new long[count];
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        int done = 0;
        while (done < count && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            if (call(uri)) {
                latencies[done++] = System.nanoTime() - start;
            }
        }
        long[] measured = Arrays.copyOf(latencies, done);
        Arrays.sort(measured);
        return measured;
    }

    private double throughput(URI uri) throws Exception {
        AtomicLong completed = new AtomicLong();
        long deadline = System.nanoTime() + THROUGHPUT_TIME.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < CONCURRENCY; i++) {
                running.add(callers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        if (call(uri)) {
                            completed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
            return completed.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            callers.shutdownNow();
        }
    }

    /** One request; false (and counted) when it failed or timed out, so a stall on a busy machine is visible. */
    private boolean call(URI uri) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200 && response.body().length == MEASURE.length) {
                return true;
            }
        } catch (IOException e) {
            // counted below
        }
        failures.incrementAndGet();
        return false;
    }

    private static void print(String label, long[] sorted) {
        System.out.printf("%-34s %10.3f %10.3f %10.3f%n", label, millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)), millis((long) Arrays.stream(sorted).average().orElse(0)));
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
