package cn.qujiang.youth.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keycloak from its Maven distribution (unpacked once by the infra-kit build into {@code ~/.cache/qujiang-youth}),
 * started in dev mode with the qujiang realm imported and the hostname pinned, so the issuer never follows the
 * Host header.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "qujiang";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Path logDir;
    private final Map<String, List<String>> appOrigins = new java.util.LinkedHashMap<>();
    private ChildProcess process;
    private Path home;

    public KeycloakServer(int port, Path logDir) {
        this.port = port;
        this.logDir = logDir;
    }

    /**
     * Lets a public client's app sign in from one more origin (an app on a port other than the realm file's):
     * added to the client's redirect URIs, web origins and post-logout redirect URIs before the realm is imported.
     */
    public KeycloakServer withAppOrigin(String clientId, String origin) {
        appOrigins.computeIfAbsent(clientId, id -> new java.util.ArrayList<>()).add(origin);
        return this;
    }

    public KeycloakServer start() {
        Ports.requireFree(port, "Keycloak");
        Path unpacked = InfraSettings.keycloakHome();
        if (!Files.isRegularFile(unpacked.resolve("bin/kc.sh"))) {
            throw new InfraException("Keycloak is not unpacked at " + unpacked + ": run mvn install once (it downloads it)");
        }
        home = privateHome(unpacked);
        importRealm(home, RealmFile.withAppOrigins(InfraSettings.resource("keycloak/qujiang-realm.json"), appOrigins));
        process = ChildProcess.start("keycloak", List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                        "--hostname=" + baseUrl(), "--import-realm", "--http-management-port=" + Ports.free(),
                        "--log-level=WARN"),
                home, Map.of("JAVA_HOME", javaHomeForKeycloak().toString(), "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m",
                        "JAVA_OPTS_APPEND", String.join(" ", ChildProcess.JIT_IN_SPARE_TIME),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakAdmin.USERNAME,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakAdmin.PASSWORD),
                logDir.resolve("keycloak.log"));
        try {
            Await.until("Keycloak on port " + port + " (log: " + logDir.resolve("keycloak.log") + ")", START_TIMEOUT,
                    this::realmAnswers, process::isAlive);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    public KeycloakTokens tokens() {
        return new KeycloakTokens(issuerUri());
    }

    /** The dev-mode admin of this local Keycloak, to create throw-away users for tests. */
    public KeycloakAdmin admin() {
        return new KeycloakAdmin(baseUrl());
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        if (home != null) {
            deleteTree(home);
        }
    }

    /**
     * A home of this server's own beside the unpacked one: its {@code bin} copied (kc.sh takes the home from where it
     * lies), {@code lib}, {@code conf}, {@code providers} and {@code themes} linked, and a {@code data} folder of its
     * own. Keycloak imports the realm from {@code <home>/data/import}; in the shared unpacked folder another build on
     * the same machine starting its Keycloak at the same moment replaced the realm file before this one read it.
     */
    private static Path privateHome(Path unpacked) {
        try {
            Path own = Files.createTempDirectory("qujiang-keycloak-");
            Files.createDirectories(own.resolve("bin"));
            try (Stream<Path> scripts = Files.list(unpacked.resolve("bin"))) {
                for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                    Files.copy(script, own.resolve("bin").resolve(script.getFileName()),
                            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            for (String shared : List.of("lib", "conf", "providers", "themes", "version.txt")) {
                if (Files.exists(unpacked.resolve(shared))) {
                    Files.createSymbolicLink(own.resolve(shared), unpacked.resolve(shared).toAbsolutePath());
                }
            }
            return own;
        } catch (IOException e) {
            throw new InfraException("cannot prepare a Keycloak home beside " + unpacked + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the private home; links are removed, never followed. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a leftover in the temporary folder harms nothing
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    private boolean realmAnswers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void importRealm(Path home, String realm) {
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.writeString(importDir.resolve("qujiang-realm.json"), realm, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InfraException("cannot place the realm file in " + home + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keycloak 26 still runs on Java 17 but has deprecated it: use KEYCLOAK_JAVA_HOME, else the running JDK when it
     * is 21 or newer, else the newest JDK of 21 or newer under /usr/lib/jvm, else the running JDK.
     */
    static Path javaHomeForKeycloak() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= 21) {
            return running;
        }
        return newestJdkUnder(Path.of("/usr/lib/jvm")).orElse(running);
    }

    private static Optional<Path> newestJdkUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(root)) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> featureVersion(jdk) >= 21)
                    .max(java.util.Comparator.comparingInt(KeycloakServer::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            List<String> release = Files.readAllLines(jdk.resolve("release"));
            return release.stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0])
                    .mapToInt(Integer::parseInt).findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
