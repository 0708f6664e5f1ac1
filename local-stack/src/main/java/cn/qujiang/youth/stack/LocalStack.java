package cn.qujiang.youth.stack;

import cn.qujiang.youth.infra.KafkaBroker;
import cn.qujiang.youth.infra.KeycloakServer;
import cn.qujiang.youth.infra.MongoWireServer;
import cn.qujiang.youth.infra.SmsSink;
import cn.qujiang.youth.infra.SmtpServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on loopback, started in dependency order: Kafka, the MongoDB-wire server (H2 file, so data
 * survives a restart), Keycloak, SMTP, the SMS sink, then the four services. {@link #close()} stops everything in
 * reverse order; a failed start stops what had already started.
 */
public final class LocalStack implements AutoCloseable {
    public static final String NOTIFICATION_CLIENT_SECRET = "notification-service-dev-secret";

    private final StackConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private SmtpServer smtp;
    private SmsSink sms;
    private MongoWireServer mongo;

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    public static LocalStack start(StackConfig config, StartListener listener) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll(listener);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StartListener listener) {
        listener.step("Kafka");
        kafka = track(new KafkaBroker(config.kafkaPort(), config.kafkaControllerPort(), config.dataDir().resolve("kafka")).start());
        listener.step("MongoDB-wire server");
        mongo = track(MongoWireServer.persistent(config.mongoPort(), config.dataDir().resolve("mongo/suite.mv")).start());
        listener.step("Keycloak");
        keycloak = track(new KeycloakServer(config.keycloakPort(), config.dataDir().resolve("logs")).start());
        listener.step("SMTP server and SMS sink");
        smtp = track(new SmtpServer(config.smtpPort()).start());
        sms = track(new SmsSink(config.smsPort()).start());
        listener.step("services");
        List<ServiceProcess> launched = List.of(
                service("policy-service", config.policyPort()),
                service("talent-service", config.talentPort()),
                service("notification-service", config.notificationPort()),
                gateway());
        for (ServiceProcess service : launched) {
            service.awaitHealthy();
            listener.step(service.name() + " is up");
        }
    }

    /** A service with its own database, named after it (talent-service uses the database talent). */
    private ServiceProcess service(String name, int port) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.mongodb.uri=" + mongo.uri(name.replace("-service", "")),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuerUri()));
        arguments.addAll(List.of(notificationExtras(name)));
        return launch(name, port, arguments);
    }

    private ServiceProcess gateway() {
        return launch("gateway", config.gatewayPort(), List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuerUri(),
                "--qujiang.routes.talent=http://127.0.0.1:" + config.talentPort(),
                "--qujiang.routes.policy=http://127.0.0.1:" + config.policyPort(),
                "--qujiang.routes.notification=http://127.0.0.1:" + config.notificationPort()));
    }

    private ServiceProcess launch(String name, int port, List<String> arguments) {
        java.nio.file.Path jar = config.repoDir().resolve(name).resolve("target").resolve(name + ".jar");
        ServiceProcess service = track(new ServiceProcess(name, port, jar, arguments, config.dataDir().resolve("logs")).launch());
        services.put(name, service);
        return service;
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Starts a service again after {@link ServiceProcess#kill()}, with the same arguments, and waits until healthy. */
    public ServiceProcess restart(String name) {
        ServiceProcess old = services.get(name);
        old.close();
        started.remove(old);
        ServiceProcess fresh = "gateway".equals(name) ? gateway() : service(name, old.port());
        fresh.awaitHealthy();
        return fresh;
    }

    /** notification-service also needs the mail server, the SMS provider and talent-service's contacts API. */
    private String[] notificationExtras(String name) {
        if (!"notification-service".equals(name)) {
            return new String[0];
        }
        return new String[] {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + config.smtpPort(),
                "--qujiang.sms.url=" + sms.url(), "--qujiang.contacts.base-url=http://127.0.0.1:" + config.talentPort()};
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public SmtpServer smtp() {
        return smtp;
    }

    public SmsSink sms() {
        return sms;
    }

    public StackConfig config() {
        return config;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("local-stack: stopping a component failed: " + e.getMessage());
            }
        }
    }

    /** Progress reporting during start-up. */
    public interface StartListener {
        void step(String what);
    }
}
