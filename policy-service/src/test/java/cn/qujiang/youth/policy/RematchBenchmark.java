package cn.qujiang.youth.policy;

import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.ChildProcess;
import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.policy.catalogue.BenchCatalogue;
import cn.qujiang.youth.policy.matching.BenchApplicants;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: times the re-match of N stored applicants (default 100,000) after a publish, against the real Kafka
 * broker and MongoDB-wire server of infra-kit, storage and events included. Run with
 * {@code mvn -o -pl policy-service -Pbench -DskipTests verify} (see README.md).
 *
 * <p>Each publish narrows the age criterion of a leisure measure from 18–35 to 18–30, which changes the result of
 * about one applicant in six: first QJY-36 right after start-up (cold: the JIT compiles as it goes), then QJY-37
 * (warm, as in a service that has been running).
 */
public final class RematchBenchmark {
    private static final String WARM_UP_MEASURE = "QJY-36";
    private static final String CHANGED_MEASURE = "QJY-37";
    private static final String NEW_AGE_RULE = "applicant.age >= 18 && applicant.age <= 30";

    private RematchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        int mongoPort = Ports.free();
        ChildProcess mongo = startMongo(mongoPort, System.getProperty("bench.mongo.jvm", "-Xmx5g -XX:+UseG1GC"));
        ConfigurableApplicationContext context = startService(bootstrap, mongoPort);
        int status = 0;
        try (EventCounter events = new EventCounter(bootstrap)) {
            long seedStart = System.nanoTime();
            BenchApplicants.seed(context, applicants, 42);
            report("stored %,d evaluated applicants in %.1f s (setup, not timed)", applicants, seconds(seedStart));
            await().forever().pollInterval(Duration.ofSeconds(1))  // the seed catalogue's own events
                    .until(() -> !BenchApplicants.anyEventPending(context));

            Timing cold = timePublish(context, events, WARM_UP_MEASURE, applicants);
            report("cold, first publish after start-up (%s): %s", WARM_UP_MEASURE, cold);
            Timing warm = timePublish(context, events, CHANGED_MEASURE, applicants);
            report("warm (%s): %s", CHANGED_MEASURE, warm);
            report("target: every event acknowledged by Kafka <= 60 s after the publish -> %s",
                    warm.received() <= 60 ? "met" : "MISSED");
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            context.close();
            mongo.close();
        }
        System.exit(status); // the broker's shutdown hook stops it
    }

    /** policy-service against the broker and the MongoDB-wire server, quiet but for the re-match's own report. */
    static ConfigurableApplicationContext startService(String bootstrap, int mongoPort) {
        // Command-line arguments, as they must win over application.yml.
        return new SpringApplicationBuilder(PolicyApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/policy-bench",
                "--server.port=0",
                "--qujiang.policy.matching.catch-up-interval=1h",
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--logging.level.cn.qujiang.youth.policy.matching.Rematch=INFO");
    }

    /** The MongoDB-wire server in its own JVM, as a database runs beside a service, not inside it. */
    static ChildProcess startMongo(int port, String jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StandaloneMongoWire.class.getName(),
                String.valueOf(port)));
        Path log = Files.createTempFile("bench-mongo-wire", ".log");
        ChildProcess mongo = ChildProcess.start("MongoDB-wire server", command, Path.of("."), Map.of(), log);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> Ports.listening(port) || !mongo.isAlive());
        if (!mongo.isAlive()) {
            throw new IllegalStateException("the MongoDB-wire server did not start, see " + log);
        }
        return mongo;
    }

    /**
     * Publishes the narrower age rule of {@code code} and waits for everything it causes. Progress is read from the
     * service's re-match metrics and the consumer's count, not from the database: every such query is a scan of all
     * applicants in the MongoDB-wire server and would take CPU from the run being measured (polling it every
     * 200 ms cost about 20 %). The database is asked at the end, to confirm that nobody is behind and that no event
     * is left in an outbox.
     */
    private static Timing timePublish(ConfigurableApplicationContext context, EventCounter events, String code,
            int applicants) {
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        Timer runs = meters.get("policy.rematch.runs").timer();
        Counter changedCounter = meters.get("policy.rematch.changed").counter();
        long runsBefore = runs.count();
        double changedBefore = changedCounter.count();
        long eventsBefore = events.count();
        CpuTime cpuBefore = CpuTime.now();
        long start = System.nanoTime();

        long revision = BenchCatalogue.publishChangedCriterion(context, code, "age", NEW_AGE_RULE);
        double published = seconds(start);
        await().forever().pollInterval(Duration.ofMillis(50)).until(() -> runs.count() > runsBefore);
        double rematched = seconds(start);
        long changed = Math.round(changedCounter.count() - changedBefore);
        await().forever().pollInterval(Duration.ofMillis(50)).until(() -> events.count() - eventsBefore >= changed);
        double received = (events.lastArrival() - start) / 1e9;
        CpuTime cpu = CpuTime.now().minus(cpuBefore);

        // The relay removes published entries from the outboxes just after Kafka acknowledged them.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !BenchApplicants.anyEventPending(context));
        if (BenchApplicants.anyBehind(context, revision) || events.settle() - eventsBefore != changed) {
            throw new IllegalStateException("the re-match after publishing " + code + " did not complete cleanly");
        }
        return new Timing(applicants, published, rematched, received, changed, cpu);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void report(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
    }

    /** Seconds after the publish call started. */
    private record Timing(int applicants, double published, double rematched, double received, long changed,
            CpuTime cpu) {
        @Override
        public String toString() {
            return String.format("publish answered %.2f s; %,d applicants re-evaluated and stored %.1f s "
                    + "(%,.0f/s); %,d MatchesEvaluated (%.1f %%) acknowledged by Kafka and received by a consumer "
                    + "%.1f s; CPU used meanwhile: %s", published, applicants, rematched, applicants / rematched,
                    changed, 100.0 * changed / applicants, received, cpu);
        }
    }

    /**
     * CPU seconds of this JVM (service and benchmark consumer) and of its child processes (MongoDB-wire server,
     * Kafka broker): on a shared machine the wall-clock time depends on the neighbours, the CPU time much less.
     */
    private record CpuTime(double service, double children) {
        static CpuTime now() {
            double own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            double children = ProcessHandle.current().descendants()
                    .mapToDouble(child -> child.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(0.0))
                    .sum();
            return new CpuTime(own, children);
        }

        CpuTime minus(CpuTime earlier) {
            return new CpuTime(service - earlier.service, children - earlier.children);
        }

        @Override
        public String toString() {
            return String.format("%.0f s (service JVM %.0f s, MongoDB-wire server + Kafka broker %.0f s)",
                    service + children, service, children);
        }
    }

    /**
     * Counts MatchesEvaluated events as a downstream consumer receives them (only re-matches produce them here, so
     * the CloudEvents type header is enough; the values are not even decoded, to leave the CPU to the service).
     */
    private static final class EventCounter implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final AtomicLong count = new AtomicLong();
        private volatile boolean running = true;
        private volatile long lastArrival = System.nanoTime();

        EventCounter(String bootstrap) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
            consumer.subscribe(List.of(Topics.POLICY_MATCH));
            Thread poller = new Thread(this::poll, "bench-consumer");
            poller.setDaemon(true);
            poller.start();
        }

        long count() {
            return count.get();
        }

        long lastArrival() {
            return lastArrival;
        }

        private void poll() {
            String type = EventType.MATCHES_EVALUATED.typeId();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    String header = new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(),
                            StandardCharsets.UTF_8);
                    if (header.equals(type)) {
                        count.incrementAndGet();
                        lastArrival = System.nanoTime();
                    }
                }
            }
            consumer.close();
        }

        /** The count once no event arrived for a second (every event was already acknowledged by the broker). */
        long settle() {
            await().forever().pollInterval(Duration.ofMillis(100))
                    .until(() -> System.nanoTime() - lastArrival >= 1_000_000_000L);
            return count.get();
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
