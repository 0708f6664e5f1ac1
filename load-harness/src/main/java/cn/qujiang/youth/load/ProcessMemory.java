package cn.qujiang.youth.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resident memory (VmRSS) of this JVM and of every process the stack started. The stack does not hand out its
 * children's pids, so they are found among this process's descendants and named by their command line (the
 * service jar, Kafka's main class, Keycloak's home); the gateway benchmark finds them the same way.
 */
final class ProcessMemory {
    private static final List<String> SERVICES = List.of("gateway", "talent-service", "policy-service",
            "notification-service");

    private ProcessMemory() {
    }

    /** Name → KiB; empty where /proc cannot be read. */
    static Map<String, Long> snapshot() {
        Map<String, Long> rss = new LinkedHashMap<>();
        // This JVM also holds the MongoDB-wire server with its H2 store, SMTP, the SMS sink and the app.
        add(rss, "harness (mongo-wire, smtp, sms, web)", ProcessHandle.current().pid());
        stackProcesses().forEach((name, pids) -> pids.forEach(pid -> add(rss, name, pid)));
        return rss;
    }

    /** The stack's child processes by name (gateway, policy-service, …, kafka, keycloak) → their pids. */
    static Map<String, List<Long>> stackProcesses() {
        Map<String, List<Long>> processes = new LinkedHashMap<>();
        ProcessHandle.current().descendants().forEach(process -> {
            String name = name(commandLine(process.pid()));
            if (name != null) {
                processes.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(process.pid());
            }
        });
        return processes;
    }

    private static String name(String commandLine) {
        for (String service : SERVICES) {
            if (commandLine.contains("/" + service + ".jar")) {
                return service;
            }
        }
        if (commandLine.contains("kafka.Kafka")) {
            return "kafka";
        }
        // kc.sh is a bash parent of Keycloak's JVM; only the JVM is worth counting.
        if (commandLine.contains("io.quarkus.bootstrap.runner")) {
            return "keycloak";
        }
        return null;
    }

    private static void add(Map<String, Long> rss, String name, long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss.merge(name, Long.parseLong(line.replaceAll("\\D", "")), Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone meanwhile, or no /proc: this process is left out of the sum.
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
