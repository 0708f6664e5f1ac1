package cn.qujiang.youth.load;

import cn.qujiang.youth.infra.ChildProcess;
import cn.qujiang.youth.infra.InfraException;
import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.stack.LocalStack;
import cn.qujiang.youth.stack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The same request sent to a service directly, through the gateway, optionally through a second gateway build
 * (the baseline) and through nginx, one route after another on the same running stack: first a warm-up of every
 * route (the JIT needs tens of seconds), then rounds in which each route gets a short re-warm, a closed-loop load at
 * N connections (throughput, and CPU per request of the proxy and of the service) and one caller alone (latency).
 * Routes are measured in turn, never at once, so each has the machine to itself as far as the other engineers'
 * work allows; the rounds show how much that varies.
 */
final class GatewayBench {
    /** Production's rate limits would answer 429 within a second; the limiter itself still runs on every request. */
    static final List<String> LIMITS_OUT_OF_REACH = List.of("--qujiang.rate-limit.anonymous.requests=1000000000",
            "--qujiang.rate-limit.user.requests=1000000000");
    private static final Duration REWARM = Duration.ofSeconds(3);
    private static final Duration CLIENT_CHECK = Duration.ofSeconds(5);
    /** A token must outlive a whole phase: re-warm, load, one caller, with margin. */
    private static final long TOKEN_MAX_AGE_MS = Resident.TOKEN_LIFETIME.minusSeconds(120).toMillis();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final BenchOptions options;
    private final LocalStack stack;
    private final Optional<Path> nginxBinary;
    private final Path workDir;

    GatewayBench(BenchOptions options, LocalStack stack, Optional<Path> nginxBinary) {
        this.options = options;
        this.stack = stack;
        this.nginxBinary = nginxBinary;
        try {
            this.workDir = Files.createTempDirectory("qujiang-gwbench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String GATEWAY = "gateway";
    private static final String BASELINE = "gateway (baseline)";

    /** A way to the service: its port for a request, and the processes whose CPU is the hop's cost (none direct). */
    private record Route(String name, Function<BenchRequest, Integer> port, Supplier<List<Long>> proxyPids) {
    }

    void run() throws InterruptedException {
        List<BenchRequest> requests = options.requests().stream().map(BenchRequest::named).toList();
        Map<String, List<Long>> processes = ProcessMemory.stackProcesses();
        Resident resident = requests.stream().anyMatch(BenchRequest::signedIn) ? signUp(requests) : null;
        ChildProcess baseline = null;
        Nginx nginx = null;
        try {
            List<Route> routes = new ArrayList<>();
            routes.add(new Route("direct", request -> stack.service(request.service()).port(), List::of));
            routes.add(new Route(GATEWAY, request -> stack.config().gatewayPort(),
                    () -> processes.getOrDefault("gateway", List.of())));
            if (options.baselineGateway() != null) {
                int port = Ports.free();
                baseline = startBaseline(port);
                ChildProcess started = baseline;
                routes.add(new Route(BASELINE, request -> port, () -> List.of(started.pid())));
            }
            if (nginxBinary.isPresent()) {
                Map<String, Integer> upstreams = new LinkedHashMap<>();
                requests.forEach(request -> upstreams.put(request.prefix(), stack.service(request.service()).port()));
                nginx = Nginx.start(nginxBinary.get(), workDir.resolve("nginx"), upstreams, options.nginxWorkers());
                Nginx running = nginx;
                routes.add(new Route("nginx", request -> running.port(), running::pids));
                checkClient(nginx);
            } else {
                System.out.println("gwbench: " + Nginx.INSTALL_HINT + "; the nginx route is skipped");
            }
            measure(requests, routes, resident, processes);
        } finally {
            if (nginx != null) {
                nginx.close();
            }
            if (baseline != null) {
                baseline.close();
            }
        }
    }

    private void measure(List<BenchRequest> requests, List<Route> routes, Resident resident,
            Map<String, List<Long>> processes) throws InterruptedException {
        for (BenchRequest request : requests) {
            for (Route route : routes) {
                ClosedLoop.Result warm = load(request, route, resident, options.connections(), options.warmUp());
                System.out.printf("gwbench: warm-up %s via %s, %d s: %s%n", request, route.name(),
                        options.warmUp().toSeconds(), BenchReport.describe(warm));
            }
        }
        List<BenchReport.Measurement> all = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            List<BenchReport.Measurement> measured = new ArrayList<>();
            for (BenchRequest request : requests) {
                Map<String, BenchReport.Measurement> byRoute = new HashMap<>();
                for (Route route : inOrderOf(round, routes)) {
                    byRoute.put(route.name(), measure(request, route, resident,
                            processes.getOrDefault(request.service(), List.of()), round));
                }
                routes.forEach(route -> measured.add(byRoute.get(route.name())));
            }
            BenchReport.round(round, options.connections(), measured, System.out);
            all.addAll(measured);
        }
        BenchReport.summary(options.connections(), all, System.out);
        if (options.jfr() != null) {
            profile(requests, routes, resident);
        }
    }

    /**
     * The routes in the order a round measures them: the two gateways change places every other round. In two runs
     * of 2026-12-01 whichever of them came second read 11–20 % less CPU per request (load-harness README), so a
     * comparison needs both orders; the tables list the routes in their usual order all the same.
     */
    private static List<Route> inOrderOf(int round, List<Route> routes) {
        List<String> names = routes.stream().map(Route::name).toList();
        List<Route> ordered = new ArrayList<>(routes);
        if (round % 2 == 0 && names.contains(GATEWAY) && names.contains(BASELINE)) {
            Collections.swap(ordered, names.indexOf(GATEWAY), names.indexOf(BASELINE));
        }
        return ordered;
    }

    /**
     * After the measured rounds, as recording costs the process CPU itself: each gateway under the same load again,
     * recorded with JFR, and each recording summarised.
     */
    private void profile(List<BenchRequest> requests, List<Route> routes, Resident resident)
            throws InterruptedException {
        for (BenchRequest request : requests) {
            for (Route route : routes) {
                List<Long> pids = route.proxyPids().get();
                if (!route.name().startsWith("gateway") || pids.isEmpty()) {
                    continue;
                }
                Path recording = options.jfr().resolve(route.name().replaceAll("\\W+", " ").trim().replace(' ', '-') + "-" + request + ".jfr");
                try {
                    Files.createDirectories(recording.getParent());
                    Files.deleteIfExists(recording);
                    HotMethods.record(pids.get(0), recording, options.loadTime().toSeconds());
                    ClosedLoop.Result loaded = load(request, route, resident, options.connections(), options.loadTime());
                    System.out.printf("gwbench: recorded %s via %s: %s%n", request, route.name(),
                            BenchReport.describe(loaded));
                    HotMethods.print(recording, "JFR of " + route.name() + ", " + request.label(), System.out);
                } catch (IOException e) {
                    System.out.println("gwbench: no JFR recording of " + route.name() + ": " + e.getMessage());
                }
            }
        }
    }

    private BenchReport.Measurement measure(BenchRequest request, Route route, Resident resident,
            List<Long> servicePids, int round) {
        load(request, route, resident, options.connections(), REWARM);
        List<Long> proxyPids = route.proxyPids().get();
        long proxyBefore = CpuTime.nanos(proxyPids);
        long serviceBefore = CpuTime.nanos(servicePids);
        ClosedLoop.Result loaded = load(request, route, resident, options.connections(), options.loadTime());
        double proxyCpu = perRequest(CpuTime.nanos(proxyPids), proxyBefore, proxyPids.isEmpty(), loaded);
        double serviceCpu = perRequest(CpuTime.nanos(servicePids), serviceBefore, false, loaded);
        ClosedLoop.Result alone = load(request, route, resident, 1, options.oneCaller());
        System.out.printf("gwbench: round %d, %s via %s: %s; one caller: %s%n", round, request, route.name(),
                BenchReport.describe(loaded), BenchReport.describe(alone));
        double pacedCpu = options.pacedRate() > 0 && !proxyPids.isEmpty() ? paced(request, route, resident, proxyPids)
                : Double.NaN;
        return new BenchReport.Measurement(request, route.name(), round, loaded, alone, proxyCpu, serviceCpu,
                pacedCpu);
    }

    /**
     * The proxy's CPU per request when requests come one at a time with idle time between them, as a resident's
     * save and polls do in the load harness (where the gateway spent several times the CPU per request it spends
     * under the closed loop above): no batching of reads and writes across connections, every request waking the
     * event loops on its own.
     */
    private double paced(BenchRequest request, Route route, Resident resident, List<Long> proxyPids) {
        int port = route.port().apply(request);
        String token = request.signedIn() ? resident.tokenNoOlderThan(TOKEN_MAX_AGE_MS) : null;
        long before = CpuTime.nanos(proxyPids);
        try {
            ClosedLoop.Result result = ClosedLoop.paced(new InetSocketAddress("127.0.0.1", port),
                    request.bytes(port, token), options.pacedRate(), options.loadTime());
            System.out.printf("gwbench: %s via %s, %d/s one by one: %s%n", request, route.name(), options.pacedRate(),
                    BenchReport.describe(result));
            return perRequest(CpuTime.nanos(proxyPids), before, proxyPids.isEmpty(), result);
        } catch (IOException e) {
            throw new UncheckedIOException(route.name() + " on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** µs of CPU per answered request between two readings; NaN without processes or /proc. */
    private static double perRequest(long after, long before, boolean none, ClosedLoop.Result result) {
        if (none || after < 0 || before < 0 || result.answered() == 0) {
            return Double.NaN;
        }
        return (after - before) / 1e3 / result.answered();
    }

    private ClosedLoop.Result load(BenchRequest request, Route route, Resident resident, int connections,
            Duration length) {
        int port = route.port().apply(request);
        String token = request.signedIn() ? resident.tokenNoOlderThan(TOKEN_MAX_AGE_MS) : null;
        try {
            return ClosedLoop.run(new InetSocketAddress("127.0.0.1", port), request.bytes(port, token), connections,
                    length);
        } catch (IOException e) {
            throw new UncheckedIOException(route.name() + " on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** nginx's own answer, no backend: the load generator must reach well beyond what any route below does. */
    private static void checkClient(Nginx nginx) {
        BenchRequest own = new BenchRequest("nginx-static", Nginx.STATIC_PATH, "nginx", "/", false);
        try {
            ClosedLoop.Result result = ClosedLoop.run(new InetSocketAddress("127.0.0.1", nginx.port()),
                    own.bytes(nginx.port(), null), 16, CLIENT_CHECK);
            System.out.println("gwbench: load generator against nginx's static answer, 16 connections: "
                    + BenchReport.describe(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One applicant with a first profile, through the gateway as the app signs up; when their results are asked
     * for, it waits until the profile has been matched (Kafka to policy-service and back).
     */
    private Resident signUp(List<BenchRequest> requests) {
        try (Gateway gateway = new Gateway(stack.gatewayUrl(), 2)) {
            Resident resident = Residents.signUp(1, stack.keycloak(), gateway).get(0);
            for (BenchRequest request : requests) {
                if (request.signedIn()) {
                    awaitOk(gateway, resident, request.path());
                }
            }
            return resident;
        }
    }

    private static void awaitOk(Gateway gateway, Resident resident, String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = gateway.read(resident, path).join().statusCode();
            if (status == 200) {
                return;
            }
            pause(Duration.ofMillis(500));
        }
        throw new InfraException(path + " still answered " + status + " after 60 s");
    }

    /** The other gateway build, started like the stack's (same JVM options and arguments) on its own port. */
    private ChildProcess startBaseline(int port) {
        try {
            // Copied under another name so that the stack's process lookup does not take it for "gateway".
            Path jar = Files.copy(options.baselineGateway(), workDir.resolve("gateway-baseline.jar"));
            // The stack's JVM options for its services (ServiceProcess), without class data sharing.
            List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
            command.addAll(ServiceProcess.JVM_OPTIONS);
            command.addAll(options.baselineJvm());
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
            command.addAll(stack.gatewayArguments());
            command.addAll(options.baselineArgs());
            ChildProcess process = ChildProcess.start("gateway-baseline", command, workDir, Map.of(),
                    workDir.resolve("gateway-baseline.log"));
            URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (healthy(health)) {
                    System.out.println("gwbench: baseline gateway " + options.baselineGateway() + " "
                            + options.baselineJvm() + " " + options.baselineArgs() + " up on " + port);
                    return process;
                }
                pause(Duration.ofMillis(500));
            }
            process.close();
            throw new InfraException("the baseline gateway did not start, see " + process.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean healthy(URI health) {
        try {
            return HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted", e);
        }
    }
}
