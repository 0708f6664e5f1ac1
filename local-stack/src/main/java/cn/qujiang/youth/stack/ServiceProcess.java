package cn.qujiang.youth.stack;

import cn.qujiang.youth.infra.ChildProcess;
import cn.qujiang.youth.infra.InfraException;
import cn.qujiang.youth.infra.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One of the suite's Spring Boot services as a child JVM, started from its built jar and judged by its health. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    /**
     * How every service's JVM runs (class data sharing comes on top): a small heap with the serial collector (two
     * cores, six JVMs), and the full JIT — C1 alone (-XX:TieredStopAtLevel=1) started faster but served a third of
     * the throughput and left RSA signature checks without their intrinsics — compiling in spare time.
     */
    public static final List<String> JVM_OPTIONS = Stream.concat(Stream.of("-Xms64m", "-Xmx384m",
            "-XX:+UseSerialGC"), ChildProcess.JIT_IN_SPARE_TIME.stream()).toList();

    private final String name;
    private final int port;
    private final Path jar;
    private final List<String> arguments;
    private final Path logDir;
    private ChildProcess process;

    ServiceProcess(String name, int port, Path jar, List<String> arguments, Path logDir) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.arguments = List.copyOf(arguments);
        this.logDir = logDir;
    }

    /** Launches the JVM without waiting, so that several services boot side by side. */
    public ServiceProcess launch() {
        if (!Files.isRegularFile(jar)) {
            throw new InfraException(name + " is not built (" + jar + " missing): run mvn -DskipTests install first");
        }
        Ports.requireFree(port, name);
        ClassDataSharing.Launch launch = ClassDataSharing.prepare(name, jar, ClassDataSharing.mode());
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(JVM_OPTIONS);
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + port));
        command.addAll(arguments);
        process = ChildProcess.start(name, command, jar.getParent(), Map.of(), logDir.resolve(name + ".log"));
        return this;
    }

    public void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new InfraException(name + " stopped during start-up, see " + process.log());
            }
            if (healthy()) {
                return;
            }
            pause();
        }
        throw new InfraException(name + " was not healthy within " + START_TIMEOUT.toSeconds() + " s, see " + process.log());
    }

    /** UP on the readiness probe, which includes MongoDB and Kafka for the services. */
    public boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.kill();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while waiting for the services", e);
        }
    }
}
