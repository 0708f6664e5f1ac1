package cn.qujiang.youth.load;

import cn.qujiang.youth.infra.ChildProcess;
import cn.qujiang.youth.infra.InfraException;
import cn.qujiang.youth.infra.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx as a plain reverse proxy in front of the same services, the anchor for what a proxy hop costs on
 * this machine: started from the system binary with a generated configuration in its own directory (nothing of
 * the system's nginx is used or touched), HTTP/1.1 keep-alive to each upstream, no limit on requests per connection
 * on either side (its default closes a connection after 1,000), no access log, and stopped with the run. {@code /nginx-static} answers from nginx itself, to show the load generator can go beyond any backend.
 */
final class Nginx implements AutoCloseable {
    static final String STATIC_PATH = "/nginx-static";
    static final String INSTALL_HINT = "nginx is not installed: apt-get update && apt-get install -y nginx "
            + "(or name the binary with -Dgwbench.nginx=/path/to/nginx)";

    private final ChildProcess process;
    private final int port;

    private Nginx(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The binary: {@code -Dgwbench.nginx}, else {@code nginx} on the PATH or in /usr/sbin (Debian's place). */
    static Optional<Path> binary() {
        String given = System.getProperty("gwbench.nginx");
        if (given != null) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/sbin"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "nginx")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts nginx on a free port, proxying each path prefix to its upstream port on loopback, and waits until it
     * listens. {@code workers}: nginx's {@code worker_processes} ({@code auto} = one per core).
     */
    static Nginx start(Path binary, Path dir, Map<String, Integer> upstreams, String workers) {
        int port = Ports.free();
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(dir, port, upstreams, workers));
            ChildProcess process = ChildProcess.start("nginx", java.util.List.of(binary.toString(), "-p", dir.toString(),
                    "-c", conf.toString(), "-e", dir.resolve("error.log").toString()), dir, Map.of(),
                    dir.resolve("nginx.out"));
            Nginx nginx = new Nginx(process, port);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Ports.listening(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    nginx.close();
                    throw new InfraException("nginx did not start, see " + dir.resolve("error.log"));
                }
                Thread.sleep(100);
            }
            return nginx;
        } catch (IOException e) {
            throw new InfraException("cannot start nginx: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while starting nginx", e);
        }
    }

    /**
     * Keep-alive to the upstream needs HTTP/1.1 and an empty Connection header; answers are buffered in memory only
     * (no temporary files: the run's directory belongs to root, nginx's workers may not).
     */
    static String config(Path dir, int port, Map<String, Integer> upstreams, String workers) {
        String upstreamBlocks = upstreams.entrySet().stream().map(e -> """
                    upstream %s { server 127.0.0.1:%d; keepalive 32; keepalive_requests 1000000; }
                """.formatted(name(e.getKey()), e.getValue())).collect(Collectors.joining());
        String locations = upstreams.keySet().stream().map(prefix -> """
                        location %s {
                            proxy_pass http://%s;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                        }
                """.formatted(prefix, name(prefix))).collect(Collectors.joining());
        return """
                worker_processes %s;
                daemon off;
                pid %s;
                error_log %s warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    keepalive_requests 1000000;
                    client_body_temp_path %s;
                    proxy_temp_path %s;
                    proxy_buffer_size 16k;
                    proxy_buffers 16 16k;
                    proxy_max_temp_file_size 0;
                %s
                    server {
                        listen 127.0.0.1:%d;
                        location = %s { default_type application/json; return 200 '{"ok":true}'; }
                %s    }
                }
                """.formatted(workers, dir.resolve("nginx.pid"), dir.resolve("error.log"), dir.resolve("body"),
                dir.resolve("proxy"), upstreamBlocks, port, STATIC_PATH, locations);
    }

    private static String name(String prefix) {
        return prefix.replaceAll("[^a-z]", "_");
    }

    int port() {
        return port;
    }

    /** The master and its workers, for CPU accounting. */
    java.util.List<Long> pids() {
        return Stream.concat(Stream.of(process.pid()), ProcessHandle.of(process.pid()).stream()
                .flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)).toList();
    }

    @Override
    public void close() {
        process.close();
    }
}
