package cn.qujiang.youth.stack;

import cn.qujiang.youth.infra.KafkaBroker;
import cn.qujiang.youth.infra.KeycloakServer;
import cn.qujiang.youth.infra.MongoWireServer;
import cn.qujiang.youth.infra.SmsSink;
import cn.qujiang.youth.infra.SmtpServer;
import cn.qujiang.youth.web.SiteConfig;
import cn.qujiang.youth.web.WebServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on loopback, started in dependency order: Kafka, the MongoDB-wire server (H2 file, so data
 * survives a restart), Keycloak, SMTP, the SMS sink, the four services, then the web servers of the mobile app and
 * the officers' console (in this process: they only serve built files). {@link #close()} stops everything in
 * reverse order; a failed start stops what had already started.
 */
public final class LocalStack implements AutoCloseable {
    public static final String NOTIFICATION_CLIENT_SECRET = "notification-service-dev-secret";

    private final StackConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** More arguments per process name ({@code gateway}, {@code talent-service}, …), appended to the stack's own. */
    private final Map<String, List<String>> extras = new java.util.HashMap<>();
    private volatile boolean devDatabaseInMemory;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private SmtpServer smtp;
    private SmsSink sms;
    private MongoWireServer mongo;
    private WebServer mobileApp;
    private WebServer console;
    private boolean closed;

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    public static LocalStack start(StackConfig config, StartListener listener) {
        LocalStack stack = create(config);
        stack.startAll(listener);
        return stack;
    }

    /** A stack that has started nothing yet; {@link #close()} may be called from another thread at any time. */
    public static LocalStack create(StackConfig config) {
        return new LocalStack(config);
    }

    /**
     * More gateway arguments, appended to the stack's own (a later one wins), e.g. a benchmark's rate limits. Takes
     * effect for a gateway started afterwards.
     */
    public LocalStack withGatewayArguments(List<String> extra) {
        return withArguments("gateway", extra);
    }

    /**
     * More arguments of one process ({@code gateway}, {@code talent-service}, {@code policy-service},
     * {@code notification-service}), appended to the stack's own (a later one wins), e.g. the e2e tests' shorter
     * waits. Takes effect for a process started afterwards.
     */
    public LocalStack withArguments(String process, List<String> extra) {
        extras.computeIfAbsent(process, name -> new java.util.ArrayList<>()).addAll(extra);
        return this;
    }

    /**
     * The dev database keeps its data in memory instead of in {@code mongo/suite.mv}: nothing survives a stop, and no
     * file store commits and compacts beside the load (the load harness's choice, to measure the suite rather than
     * the dev database's file). Takes effect for a stack started afterwards.
     */
    public LocalStack withDevDatabaseInMemory() {
        devDatabaseInMemory = true;
        return this;
    }

    /** Starts every part in order; on failure, or when closed meanwhile, stops whatever had started. */
    public void startAll(StartListener listener) {
        try {
            startInOrder(listener);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startInOrder(StartListener listener) {
        // Started last, but checked first: a taken app port should not cost a minute of start-up to find out.
        cn.qujiang.youth.infra.Ports.requireFree(config.webPort(), "the mobile app (--web-port)");
        cn.qujiang.youth.infra.Ports.requireFree(config.consolePort(), "the officers' console (--console-port)");
        listener.step("Kafka");
        // Each part is tracked before it starts, so that a Ctrl-C during its start-up stops it too.
        kafka = track(new KafkaBroker(config.kafkaPort(), config.kafkaControllerPort(), config.dataDir().resolve("kafka")));
        kafka.start();
        listener.step("MongoDB-wire server");
        mongo = track(devDatabaseInMemory ? MongoWireServer.inMemory(config.mongoPort())
                : MongoWireServer.persistent(config.mongoPort(), config.dataDir().resolve("mongo/suite.mv")));
        mongo.start();
        listener.step("Keycloak");
        keycloak = track(new KeycloakServer(config.keycloakPort(), config.dataDir().resolve("logs"))
                .withAppOrigin("youth-mobile", config.mobileAppOrigin())
                .withAppOrigin("hr-console", config.consoleOrigin()));
        keycloak.start();
        listener.step("SMTP server and SMS sink");
        smtp = track(new SmtpServer(config.smtpPort()));
        smtp.start();
        sms = track(new SmsSink(config.smsPort()));
        sms.start();
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
        listener.step("mobile app");
        mobileApp = track(new WebServer(SiteConfig.mobile(config.webPort(), gatewayUrl(), keycloak.baseUrl())));
        mobileApp.start();
        listener.step("officers' console");
        console = track(new WebServer(SiteConfig.console(config.consolePort(), gatewayUrl(), keycloak.baseUrl())));
        console.start();
    }

    /** A service with its own database, named after it (talent-service uses the database talent). */
    private ServiceProcess service(String name, int port) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                // Only the gateway is the suite's entry: the services listen on loopback alone.
                "--server.address=127.0.0.1",
                "--spring.mongodb.uri=" + mongo.uri(name.replace("-service", "")),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuerUri()));
        arguments.addAll(List.of(peerArguments(name)));
        arguments.addAll(extras.getOrDefault(name, List.of()));
        return launch(name, port, arguments);
    }

    private ServiceProcess gateway() {
        return launch("gateway", config.gatewayPort(), gatewayArguments());
    }

    /**
     * What the gateway is started with (the other parts must be running): the routes to the services, the realm,
     * the app's origin for CORS, then {@link #withGatewayArguments}. Public for a harness that starts another
     * gateway build beside the stack's.
     */
    public List<String> gatewayArguments() {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuerUri(),
                "--qujiang.routes.talent=http://127.0.0.1:" + config.talentPort(),
                "--qujiang.routes.policy=http://127.0.0.1:" + config.policyPort(),
                "--qujiang.routes.notification=http://127.0.0.1:" + config.notificationPort(),
                // The apps' origins follow --web-port and --console-port; 5173 and 5174 stay allowed for the Vite dev
                // servers of the mobile app and the console.
                "--qujiang.cors.allowed-origins=" + String.join(", ", new java.util.LinkedHashSet<>(List.of(
                        config.mobileAppOrigin(), config.consoleOrigin(), "http://localhost:5173",
                        "http://localhost:5174")))));
        arguments.addAll(extras.getOrDefault("gateway", List.of()));
        return arguments;
    }

    private ServiceProcess launch(String name, int port, List<String> arguments) {
        java.nio.file.Path jar = config.repoDir().resolve(name).resolve("target").resolve(name + ".jar");
        ServiceProcess service = track(new ServiceProcess(name, port, jar, arguments, config.dataDir().resolve("logs")));
        service.launch();
        services.put(name, service);
        return service;
    }

    private synchronized <T extends AutoCloseable> T track(T component) {
        if (closed) {
            // Ctrl-C arrived while this part was starting: stop it at once and go no further.
            closeQuietly(component);
            throw new cn.qujiang.youth.infra.InfraException("stopped during start-up");
        }
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

    /**
     * notification-service also needs the mail server, the SMS provider and talent-service's contacts API;
     * policy-service talent-service's event-key API.
     */
    /** Where each service finds the others it calls (and notification-service its SMTP server and SMS sink). */
    private String[] peerArguments(String name) {
        String talent = "http://127.0.0.1:" + config.talentPort();
        return switch (name) {
            // policy-service opens and seals applicants' event parts with their keys
            case "policy-service" -> new String[] {"--qujiang.event-keys.base-url=" + talent};
            // a resident's export includes what notification-service holds about them
            case "talent-service" -> new String[] {
                "--qujiang.notifications.base-url=http://127.0.0.1:" + config.notificationPort()};
            case "notification-service" -> new String[] {"--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + config.smtpPort(), "--qujiang.sms.url=" + sms.url(),
                "--qujiang.contacts.base-url=" + talent};
            default -> new String[0];
        };
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The dev database (the load harness reads how often it scanned a collection). */
    public MongoWireServer mongo() {
        return mongo;
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

    /** Where a resident opens the mobile app. */
    public String mobileAppUrl() {
        return config.mobileAppOrigin();
    }

    /** Where an HR officer opens the console. */
    public String consoleUrl() {
        return config.consoleOrigin();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(AutoCloseable component) {
        try {
            component.close();
        } catch (Exception e) {
            System.err.println("local-stack: stopping a component failed: " + e.getMessage());
        }
    }

    /** Progress reporting during start-up. */
    public interface StartListener {
        void step(String what);
    }
}
