package cn.qujiang.youth.load;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request the gateway benchmark sends again and again, the same bytes to every route: the public catalogue read,
 * or a signed-in resident's own read (bearer token, which the gateway and the service both check).
 *
 * @param service the service that answers it, called directly for the "direct" route
 * @param prefix  the path prefix nginx routes to that service
 */
record BenchRequest(String name, String path, String service, String prefix, boolean signedIn) {

    static BenchRequest named(String name) {
        return switch (name) {
            case "catalogue" -> new BenchRequest(name, "/api/policy/measures", "policy-service", "/api/policy/", false);
            case "results" -> new BenchRequest(name, "/api/policy/me/results", "policy-service", "/api/policy/", true);
            case "status" -> new BenchRequest(name, "/api/talent/me/matches/status", "talent-service", "/api/talent/",
                    true);
            default -> throw new IllegalArgumentException("unknown request " + name
                    + " (catalogue, results, status)");
        };
    }

    /** How the table names it. */
    String label() {
        return (signedIn ? "signed-in " : "anonymous ") + "GET " + path;
    }

    /** The request as sent to {@code port} on loopback; {@code token} null for an anonymous one. */
    byte[] bytes(int port, String token) {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Accept: application/json\r\n");
        if (signedIn) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }
}
