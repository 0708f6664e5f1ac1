package cn.qujiang.youth.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One app on its own origin: which app, where it listens, and what its {@code /config.json} tells the browser
 * (gateway and Keycloak URLs, realm client, privacy notice version), so one build runs against a stack on any ports.
 */
public record SiteConfig(
        String app,
        String bindAddress,
        int port,
        String apiBase,
        String keycloakUrl,
        String realm,
        String clientId,
        String privacyNoticeVersion) {

    private static final Set<String> OPTIONS = Set.of("app", "bind", "port", "api-base", "keycloak-url", "realm",
            "client-id", "privacy-notice-version");

    public SiteConfig {
        if (!app.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("--app must be a plain name such as mobile, not " + app);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be a port number, not " + port);
        }
    }

    /** The mobile app as the local stack runs it: gateway on 8080, Keycloak on 8180, client youth-mobile. */
    public static SiteConfig mobile(int port, String apiBase, String keycloakUrl) {
        return new SiteConfig("mobile", "127.0.0.1", port, apiBase, keycloakUrl, "qujiang", "youth-mobile", "2026-01");
    }

    /** The officers' console as the local stack runs it: realm client hr-console. */
    public static SiteConfig console(int port, String apiBase, String keycloakUrl) {
        return new SiteConfig("console", "127.0.0.1", port, apiBase, keycloakUrl, "qujiang", "hr-console", "2026-01");
    }

    /** Reads {@code --name=value} options over the defaults of the app (mobile unless {@code --app=console}). */
    public static SiteConfig fromArgs(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0 || !OPTIONS.contains(arg.substring(2, equals))) {
                throw new IllegalArgumentException("unknown argument " + arg + " (options: --" + String.join("=…, --",
                        OPTIONS.stream().sorted().toList()) + "=…)");
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        // --app=console alone gives the console's port and realm client; every value can still be given.
        SiteConfig d = "console".equals(given.get("app"))
                ? console(5174, "http://127.0.0.1:8080", "http://127.0.0.1:8180")
                : mobile(5173, "http://127.0.0.1:8080", "http://127.0.0.1:8180");
        int port;
        try {
            port = Integer.parseInt(given.getOrDefault("port", String.valueOf(d.port())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a port number, not " + given.get("port"));
        }
        return new SiteConfig(given.getOrDefault("app", d.app()), given.getOrDefault("bind", d.bindAddress()), port,
                given.getOrDefault("api-base", d.apiBase()), given.getOrDefault("keycloak-url", d.keycloakUrl()),
                given.getOrDefault("realm", d.realm()), given.getOrDefault("client-id", d.clientId()),
                given.getOrDefault("privacy-notice-version", d.privacyNoticeVersion()));
    }

    /** The body of {@code /config.json}; the app reads nothing else about its environment. */
    public String configJson() {
        return "{\"apiBase\":" + quote(apiBase) + ",\"keycloakUrl\":" + quote(keycloakUrl) + ",\"realm\":"
                + quote(realm) + ",\"clientId\":" + quote(clientId) + ",\"privacyNoticeVersion\":"
                + quote(privacyNoticeVersion) + "}";
    }

    /**
     * Scripts only from this origin; the app talks only to the gateway and Keycloak; no plugins; nothing framed but
     * the app's own object URLs (a proof document the console fetched with the officer's token and previews). Styles
     * and fonts may be inline data (Vant's icon font is an embedded data: font).
     */
    public String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self' " + apiBase + " " + keycloakUrl + "; frame-src blob:; frame-ancestors 'none'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self' " + keycloakUrl;
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
