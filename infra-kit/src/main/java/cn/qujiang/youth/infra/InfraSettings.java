package cn.qujiang.youth.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/** Facts written into the kit at build time: where Maven unpacked Keycloak, the broker's classpath. */
final class InfraSettings {
    private static final Properties PROPERTIES = load();

    private InfraSettings() {
    }

    static Path keycloakHome() {
        return Path.of(System.getProperty("qujiang.keycloak.home", PROPERTIES.getProperty("keycloak.home")));
    }

    static String kafkaBrokerClasspath() {
        return resource("infra-kit/kafka-broker.classpath").trim();
    }

    static String resource(String name) {
        try (InputStream in = InfraSettings.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new InfraException("infra-kit resource " + name + " is missing: rebuild with mvn install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InfraException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = InfraSettings.class.getClassLoader().getResourceAsStream("infra-kit.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new InfraException("cannot read infra-kit.properties: " + e.getMessage(), e);
        }
        return properties;
    }
}
