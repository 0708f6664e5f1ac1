package cn.qujiang.youth.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a process under load ({@code jcmd <pid> JFR.start}, the profile settings: a Java sample every
 * 10 ms per thread), summarised as where its Java threads spent their CPU: the hottest methods (own time) and a
 * split by library. Each sample counts for the library of its topmost frame outside the JDK, so a HashMap lookup
 * made by Spring Security counts as Spring Security. Time in native code (socket reads and writes, epoll) is not in
 * these samples, nor are the JIT compiler and GC threads.
 */
final class HotMethods {
    /** Checked in order, the first match wins: the more specific prefixes first. */
    private static final Map<String, String> LIBRARIES = libraries();

    private HotMethods() {
    }

    private static Map<String, String> libraries() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("io.micrometer.context", "context propagation (MDC per signal)");
        libraries.put("reactor.core.publisher.ContextPropagation", "context propagation (MDC per signal)");
        libraries.put("reactor.core.publisher.FluxContextWriteRestoringThreadLocals", "context propagation (MDC per signal)");
        libraries.put("reactor.core.publisher.MonoContextWriteRestoringThreadLocals", "context propagation (MDC per signal)");
        libraries.put("com.nimbusds", "JWT (Nimbus: parse, RS256 verify)");
        libraries.put("org.springframework.security.oauth2", "JWT (Spring Security OAuth2)");
        libraries.put("org.springframework.security", "Spring Security");
        libraries.put("org.springframework.cloud.gateway", "Spring Cloud Gateway");
        libraries.put("org.springframework.cloud.circuitbreaker", "circuit breaker (Spring Cloud + Resilience4j)");
        libraries.put("io.github.resilience4j", "circuit breaker (Spring Cloud + Resilience4j)");
        libraries.put("ch.qos.logback", "logging");
        libraries.put("org.slf4j", "logging");
        libraries.put("org.springframework.boot.logging", "logging");
        libraries.put("reactor.netty", "reactor-netty");
        libraries.put("io.netty", "Netty");
        libraries.put("reactor.core", "Reactor core");
        libraries.put("org.springframework.web", "Spring WebFlux and web");
        libraries.put("org.springframework.http", "Spring WebFlux and web");
        libraries.put("io.micrometer", "Micrometer (metrics, observations)");
        libraries.put("org.springframework.boot.actuate", "Micrometer (metrics, observations)");
        libraries.put("com.github.benmanes.caffeine", "Caffeine (rate-limit buckets)");
        libraries.put("tools.jackson", "Jackson");
        libraries.put("cn.qujiang", "project code");
        libraries.put("org.springframework", "Spring (other)");
        return libraries;
    }

    /** Starts a recording of {@code seconds} on {@code pid}; the file is complete once that time has passed. */
    static void record(long pid, Path file, long seconds) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "JFR.start", "name=gwbench",
                "settings=profile", "duration=" + seconds + "s", "filename=" + file.toAbsolutePath())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd JFR.start failed: " + output);
        }
    }

    /** Waits for the recording to be written, then prints its summary. */
    static void print(Path file, String title, PrintStream out) throws IOException, InterruptedException {
        for (int i = 0; i < 100 && !Files.isRegularFile(file); i++) {
            Thread.sleep(200);
        }
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            methods.merge(method(frames.get(0)), 1L, Long::sum);
            libraries.merge(library(frames), 1L, Long::sum);
            threads.merge(event.getThread("sampledThread").getJavaName().replaceAll("-\\d+$", "-N"), 1L, Long::sum);
        }
        out.printf("%n#### %s: %d Java samples (`%s`)%n%n", title, samples, file);
        table("library (topmost frame outside the JDK)", libraries, samples, 30, out);
        table("method (own time)", methods, samples, 25, out);
        table("thread", threads, samples, 8, out);
    }

    private static void table(String what, Map<String, Long> counts, long samples, int limit, PrintStream out) {
        out.printf("| %s | share |%n|---|---:|%n", what);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.printf("| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / samples));
        out.println();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
                if (type.startsWith(library.getKey())) {
                    return library.getValue();
                }
            }
            String[] parts = type.split("\\.");
            return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
        }
        return "JDK only";
    }
}
