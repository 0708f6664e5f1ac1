package cn.qujiang.youth.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real infrastructure for integration tests, each piece started lazily once per test JVM and stopped when the
 * JVM exits. Free ports are chosen, so tests never collide with a running local stack.
 */
public final class TestInfrastructure {
    private static KafkaBroker kafka;
    private static MongoWireServer mongo;
    private static KeycloakServer keycloak;
    private static SmtpServer smtp;
    private static Path workDir;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = stopOnExit(new KafkaBroker(Ports.free(), Ports.free(), workDir().resolve("kafka"))).start();
        }
        return kafka;
    }

    public static synchronized MongoWireServer mongo() {
        if (mongo == null) {
            mongo = stopOnExit(MongoWireServer.inMemory(Ports.free())).start();
        }
        return mongo;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = stopOnExit(new KeycloakServer(Ports.free(), workDir())).start();
        }
        return keycloak;
    }

    public static synchronized SmtpServer smtp() {
        if (smtp == null) {
            smtp = stopOnExit(new SmtpServer(Ports.free())).start();
        }
        return smtp;
    }

    /** Spring properties pointing a service at the shared broker and MongoDB-wire server. */
    public static Map<String, String> kafkaAndMongo(String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        properties.put("spring.mongodb.uri", mongo().uri(database));
        return properties;
    }

    /** As {@link #kafkaAndMongo(String)}, plus the real Keycloak as the token issuer. */
    public static Map<String, String> kafkaMongoAndKeycloak(String database) {
        Map<String, String> properties = kafkaAndMongo(database);
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak().issuerUri());
        return properties;
    }

    private static Path workDir() {
        if (workDir == null) {
            try {
                workDir = Files.createTempDirectory("qujiang-it-");
            } catch (IOException e) {
                throw new InfraException("cannot create a temporary directory: " + e.getMessage(), e);
            }
        }
        return workDir;
    }

    /** Registered before the part starts, so a part that fails half-way is stopped too. */
    private static <T extends AutoCloseable> T stopOnExit(T component) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                component.close();
            } catch (Exception e) {
                // the JVM is exiting; nothing left to report to
            }
        }));
        return component;
    }
}
