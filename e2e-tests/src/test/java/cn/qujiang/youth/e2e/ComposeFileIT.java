package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.web.SiteConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build machines, so the production compose file is checked by reading it: every
 * environment variable given to a service must bind to a property that service actually knows (Spring Boot's
 * relaxed binding: SPRING_MONGODB_URI is spring.mongodb.uri), and the start order must wait for health.
 */
class ComposeFileIT {
    private static final Path REPO = Path.of(System.getProperty("qujiang.repo-dir", ".."));
    /** An environment variable a YAML value names directly, e.g. ${QUJIANG_SMS_API_KEY:dev-key}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"(?:[^{}]*?\"type\"\\s*:\\s*\"([^\"]+)\")?");

    @ParameterizedTest
    @ValueSource(strings = {"policy-service", "talent-service", "notification-service", "gateway"})
    void everyEnvironmentVariableOfAServiceBindsToAPropertyItReads(String service) throws IOException {
        Map<String, Object> definition = services().get(service);
        Map<?, ?> environment = (Map<?, ?>) definition.get("environment");
        KnownProperties known = KnownProperties.of(REPO.resolve(service).resolve("target").resolve(service + ".jar"));

        assertThat(environment.keySet()).isNotEmpty().allSatisfy(variable ->
                assertThat(known.binds(String.valueOf(variable))).as("%s reads %s", service, variable).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy-service", "talent-service", "notification-service", "gateway"})
    void aServiceStartsOnlyWhenWhatItNeedsIsHealthyAndReportsItsOwnHealth(String service) throws IOException {
        Map<String, Object> definition = services().get(service);
        Map<?, ?> dependsOn = (Map<?, ?>) definition.get("depends_on");

        assertThat(dependsOn).isNotEmpty();
        dependsOn.values().forEach(condition ->
                assertThat(((Map<?, ?>) condition).get("condition")).isEqualTo("service_healthy"));
        assertThat(definition).containsKey("healthcheck");
        assertThat(((Map<?, ?>) ((Map<?, ?>) definition.get("build")).get("args")).get("SERVICE")).isEqualTo(service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka", "mongo", "keycloak", "keycloak-db", "mailpit"})
    void everyPieceOfInfrastructureHasAHealthCheck(String name) throws IOException {
        assertThat(services().get(name)).containsKey("healthcheck").containsKey("image");
    }

    @ParameterizedTest
    @CsvSource({"mobile-web, mobile, youth-mobile", "console-web, console, hr-console"})
    void eachAppIsServedWithTheAddressesBrowsersSee(String service, String app, String clientId) throws IOException {
        Map<String, Object> definition = services().get(service);
        List<String> command = ((List<?>) definition.get("command")).stream()
                .map(argument -> String.valueOf(argument).replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")).toList();

        SiteConfig config = SiteConfig.fromArgs(command.toArray(String[]::new));

        assertThat(config.app()).isEqualTo(app);
        assertThat(config.clientId()).isEqualTo(clientId);
        assertThat(config.apiBase()).isEqualTo("http://localhost:8080");
        assertThat(config.keycloakUrl()).isEqualTo("http://localhost:8180");
        assertThat(((Map<?, ?>) definition.get("build")).get("dockerfile")).isEqualTo("web/Dockerfile");
        assertThat(Files.isRegularFile(REPO.resolve("web/Dockerfile"))).isTrue();
        assertThat(definition).containsKey("healthcheck");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (InputStream in = Files.newInputStream(REPO.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    /**
     * What a service can bind: Spring Boot's configuration metadata from every jar inside the service's jar (its
     * own @ConfigurationProperties included), plus the keys of its application.yml and the kit defaults.
     */
    record KnownProperties(Set<String> names, Set<String> mapPrefixes, Set<String> placeholders) {

        static KnownProperties of(Path serviceJar) throws IOException {
            Set<String> names = new HashSet<>();
            Set<String> maps = new HashSet<>();
            Set<String> placeholders = new HashSet<>();
            try (JarFile jar = new JarFile(serviceJar.toFile())) {
                for (JarEntry entry : List.copyOf(java.util.Collections.list(jar.entries()))) {
                    if (entry.getName().endsWith(".jar")) {
                        try (JarInputStream nested = new JarInputStream(jar.getInputStream(entry))) {
                            for (JarEntry inner; (inner = nested.getNextJarEntry()) != null; ) {
                                read(inner.getName(), nested, names, maps, placeholders);
                            }
                        }
                    } else {
                        read(entry.getName(), jar.getInputStream(entry), names, maps, placeholders);
                    }
                }
            }
            return new KnownProperties(names, maps, placeholders);
        }

        private static void read(String entry, InputStream in, Set<String> names, Set<String> maps,
                Set<String> placeholders) throws IOException {
            if (entry.endsWith("META-INF/spring-configuration-metadata.json")
                    || entry.endsWith("META-INF/additional-spring-configuration-metadata.json")) {
                Matcher matcher = METADATA_NAME.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                while (matcher.find()) {
                    names.add(canonical(matcher.group(1)));
                    if (matcher.group(2) != null && matcher.group(2).startsWith("java.util.Map")) {
                        maps.add(canonical(matcher.group(1)) + ".");
                    }
                }
            } else if (entry.matches("(BOOT-INF/classes/)?(application|qujiang-service-defaults)\\.ya?ml")) {
                String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Matcher placeholder = PLACEHOLDER.matcher(yaml);
                while (placeholder.find()) {
                    placeholders.add(placeholder.group(1));
                }
                for (Object document : new Yaml().loadAll(yaml)) {
                    if (document instanceof Map<?, ?> map) {
                        flatten("", map, names);
                    }
                }
            }
        }

        private static void flatten(String prefix, Map<?, ?> map, Set<String> names) {
            map.forEach((key, value) -> {
                String name = prefix + key;
                names.add(canonical(name));
                if (value instanceof Map<?, ?> child) {
                    flatten(name + ".", child, names);
                }
            });
        }

        /** Relaxed binding: case, dashes and underscores do not matter; env variables use _ for dots. */
        private static String canonical(String property) {
            return property.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        }

        boolean binds(String variable) {
            String property = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
            return placeholders.contains(variable) || names.contains(property)
                    || mapPrefixes.stream().anyMatch(property::startsWith);
        }
    }
}
