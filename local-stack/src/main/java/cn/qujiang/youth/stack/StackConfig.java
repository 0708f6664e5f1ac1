package cn.qujiang.youth.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the stack keeps its data and which loopback ports it uses. Every value can be set as {@code --name=value};
 * the defaults are the ports the README lists.
 */
public record StackConfig(
        Path repoDir,
        Path dataDir,
        int gatewayPort,
        int talentPort,
        int policyPort,
        int notificationPort,
        int keycloakPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int smsPort,
        int webPort,
        int consolePort) {

    public static StackConfig defaults(Path repoDir) {
        return new StackConfig(repoDir, repoDir.resolve(".local-stack"), 8080, 8081, 8082, 8083, 8180, 9092, 9093,
                27018, 3025, 8090, 5173, 5174);
    }

    /** Reads {@code --data-dir=…}, {@code --gateway-port=…} and the like over the defaults. */
    public static StackConfig fromArgs(String[] args, Path repoDir) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (expected --name=value)");
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Path repo = Path.of(given.getOrDefault("repo-dir", repoDir.toString())).toAbsolutePath().normalize();
        StackConfig d = defaults(repo);
        StackConfig config = new StackConfig(repo,
                Path.of(given.getOrDefault("data-dir", d.dataDir().toString())).toAbsolutePath().normalize(),
                port(given, "gateway-port", d.gatewayPort()), port(given, "talent-port", d.talentPort()),
                port(given, "policy-port", d.policyPort()), port(given, "notification-port", d.notificationPort()),
                port(given, "keycloak-port", d.keycloakPort()), port(given, "kafka-port", d.kafkaPort()),
                port(given, "kafka-controller-port", d.kafkaControllerPort()), port(given, "mongo-port", d.mongoPort()),
                port(given, "smtp-port", d.smtpPort()), port(given, "sms-port", d.smsPort()),
                port(given, "web-port", d.webPort()), port(given, "console-port", d.consolePort()));
        given.keySet().removeAll(java.util.Set.of("repo-dir", "data-dir", "gateway-port", "talent-port", "policy-port",
                "notification-port", "keycloak-port", "kafka-port", "kafka-controller-port", "mongo-port", "smtp-port",
                "sms-port", "web-port", "console-port"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + given.keySet().iterator().next());
        }
        return config;
    }

    /**
     * The mobile app's origin. {@code localhost}, not 127.0.0.1: the realm's redirect URIs and the gateway's CORS
     * name this host.
     */
    public String mobileAppOrigin() {
        return "http://localhost:" + webPort;
    }

    /** The officers' console's origin, on {@code localhost} for the same reason. */
    public String consoleOrigin() {
        return "http://localhost:" + consolePort;
    }

    private static int port(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, not " + value);
        }
    }
}
