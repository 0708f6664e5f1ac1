package cn.qujiang.youth.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node Kafka KRaft broker (broker and controller in one) in a child JVM, on loopback. Its log directory
 * survives a restart when it is given a persistent data directory; the storage is formatted only once.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private ChildProcess process;

    public KafkaBroker(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    public KafkaBroker start() {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        Path config = writeConfig();
        if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
            format(config);
        }
        process = ChildProcess.start("kafka", javaCommand("kafka.Kafka", config.toString()), dataDir, Map.of(),
                dataDir.resolve("kafka.log"));
        String waitingFor = "Kafka on port " + port + " (log: " + dataDir.resolve("kafka.log") + ")";
        try {
            // The client is created once the port is open: before, it retried in a tight loop, logging a line
            // each time (thousands per start, before the tests' logging was even set up).
            Await.until(waitingFor, START_TIMEOUT, () -> Ports.listening(port), process::isAlive);
            try (Admin admin = Admin.create(adminConfig())) {
                Await.until(waitingFor, START_TIMEOUT, () -> answers(admin), process::isAlive);
            }
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker abruptly, as a crash would; {@link #start()} brings it back on the same data. */
    public void crash() {
        process.kill();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    /** Ready once the broker is registered and unfenced: it then appears in the cluster description. */
    private boolean answers(Admin admin) {
        if (!Ports.listening(port)) {
            return false;
        }
        try {
            return !admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** One client for the whole wait, with timeouts generous enough for a loaded 2-core machine. */
    private Properties adminConfig() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        // A broker that is up but not yet registered answers metadata without nodes; the default recovery
        // ("rebootstrap") then starts over at once, again and again, until it is.
        props.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        return props;
    }

    private void format(Path config) {
        String clusterId = randomClusterId();
        ChildProcess formatter = ChildProcess.start("kafka-storage",
                javaCommand("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId, "-c", config.toString()),
                dataDir, Map.of(), dataDir.resolve("kafka-format.log"));
        Await.until("Kafka storage format", START_TIMEOUT, () -> !formatter.isAlive(), () -> true);
        if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
            throw new InfraException("Kafka storage format failed, see " + formatter.log());
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcess.javaExecutable(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.level=warn"));
        command.addAll(ChildProcess.JIT_IN_SPARE_TIME);
        command.addAll(List.of("-cp", InfraSettings.kafkaBrokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path writeConfig() {
        String config = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                metadata.max.idle.interval.ms=5000
                """.formatted(port, controllerPort, dataDir.resolve("logs").toString().replace('\\', '/'));
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            Files.writeString(file, config);
            return file;
        } catch (IOException e) {
            throw new InfraException("cannot write Kafka config in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding. It may begin with '-', so it is
     * passed as --cluster-id=… (as a separate argument the tool would read it as an option).
     */
    private static String randomClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
