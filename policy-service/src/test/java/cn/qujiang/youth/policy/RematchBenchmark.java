package cn.qujiang.youth.policy;

import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.ChildProcess;
import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.policy.catalogue.BenchCatalogue;
import cn.qujiang.youth.policy.eventkey.ApplicantKeys;
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
import java.util.Optional;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Not a test: times the impact preview of a draft and the re-match after publishing, over N stored applicants
 * (default 100,000), against the real Kafka broker and MongoDB-wire server of infra-kit (each in a JVM of its own),
 * storage and events included. Run with {@code mvn -o -pl infra-kit,contracts,service-kit,policy-engine,policy-service
 * -Pmatching-bench -DskipTests verify} (README.md, "Numbers").
 *
 * <p>Each draft narrows the age criterion of a leisure measure from 18–35 to 18–30, which changes the result of
 * about one applicant in six: QJY-36 is previewed right after start-up (cold), then again (warm), published (the
 * first re-match after start-up: cold), and QJY-37 previewed and published (warm); then QJY-40 the same way (a
 * third re-match), to see what the JIT still adds to the second. Every line carries the CPU each
 * process spent, so that the service's own cost per applicant can be told from the dev database's and the broker's,
 * and the machine's load average, as the machine may be shared.
 */
public final class RematchBenchmark {
    private static final String WARM_UP_MEASURE = "QJY-36";
    private static final String CHANGED_MEASURE = "QJY-37";
    /** A third publish: how much of the warm re-match's CPU is the JIT still compiling (Kafka's client, the relay). */
    private static final String AGAIN_MEASURE = "QJY-40";
    private static final String NEW_AGE_RULE = "applicant.age >= 18 && applicant.age <= 30";
    private static final int WARM_PREVIEWS = 3;

    private RematchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        int mongoPort = Ports.free();
        ChildProcess mongo = startMongo(mongoPort, System.getProperty("bench.mongo.jvm", "-Xmx5g -XX:+UseG1GC"));
        ConfigurableApplicationContext context = startService(bootstrap, mongoPort);
        runThenExit(mongo, context, () -> {
            try (EventCounter events = new EventCounter(bootstrap)) {
                boolean failed = false;
                Cpu.databasePid = mongo.pid();
                Cpu.consumer = events.threadId();
                long seedStart = System.nanoTime();
                BenchApplicants.seed(context, applicants, 42);
                report("stored %,d evaluated applicants in %.1f s (setup, not timed)", applicants, seconds(seedStart));
                await().forever().pollInterval(Duration.ofSeconds(1))  // the seed catalogue's own events
                        .until(() -> !BenchApplicants.anyEventPending(context));

                long previewed = preview(context, WARM_UP_MEASURE, "cold, first preview after start-up", applicants);
                for (int i = 1; i <= WARM_PREVIEWS; i++) {
                    previewed = preview(context, WARM_UP_MEASURE, "warm " + i, applicants);
                }
                Timing cold = timePublish(context, events, WARM_UP_MEASURE, applicants, false);
                report("re-match, cold, first after start-up (%s): %s", WARM_UP_MEASURE, cold);
                failed |= compare(cold, previewed) != 0;
                previewed = preview(context, CHANGED_MEASURE, "warm", applicants);
                Timing warm = timePublish(context, events, CHANGED_MEASURE, applicants, true);
                report("re-match, warm (%s): %s", CHANGED_MEASURE, warm);
                failed |= compare(warm, previewed) != 0;
                report("targets: warm re-match stored <= 10 s -> %s; service CPU <= 50 us per applicant -> %s",
                        warm.rematched() <= 10 ? "met" : "MISSED", warm.cpu().serviceMicrosPer(applicants) <= 50
                                ? "met" : "MISSED");
                previewed = preview(context, AGAIN_MEASURE, "warm", applicants);
                Timing again = timePublish(context, events, AGAIN_MEASURE, applicants, true);
                report("re-match, warm again, third after start-up (%s): %s", AGAIN_MEASURE, again);
                failed |= compare(again, previewed) != 0;
                return failed;
            }
        });
    }

    /** A benchmark's body; true when what it measured did not come out right. */
    interface Body {
        boolean failed() throws Exception;
    }

    /** Runs {@code body}, stops the service and the database, and exits (the broker's shutdown hook stops it). */
    static void runThenExit(ChildProcess mongo, ConfigurableApplicationContext context, Body body) {
        int status = 0;
        try {
            status = body.failed() ? 1 : 0;
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            context.close();
            mongo.close();
        }
        System.exit(status);
    }

    /** Previews the narrower age rule of {@code code} (saved as a draft first if there is none); returns its count. */
    private static long preview(ConfigurableApplicationContext context, String code, String label, int applicants) {
        if (!BenchCatalogue.hasDraft(context, code)) {
            BenchCatalogue.draftChangedCriterion(context, code, "age", NEW_AGE_RULE);
        }
        Cpu before = Cpu.now();
        BenchApplicants.Preview preview = BenchApplicants.previewImpact(context, code);
        Cpu cpu = Cpu.now().minus(before);
        report("impact preview %s (%s): %,d applicants in %.2f s (%,.0f/s), %,d change, %,d lose eligibility; CPU %s",
                label, code, preview.applicants(), preview.millis() / 1e3,
                preview.applicants() * 1000.0 / Math.max(1, preview.millis()), preview.changed(),
                preview.loseEligibility(), cpu.describe(applicants));
        return preview.changed();
    }

    /** The preview must have counted exactly what the re-match after publishing changed. */
    private static int compare(Timing rematch, long previewed) {
        report("the re-match changed %,d applicants, the preview said %,d -> %s", rematch.changed(), previewed,
                rematch.changed() == previewed ? "equal" : "DIFFERENT");
        return rematch.changed() == previewed ? 0 : 1;
    }

    /** policy-service against the broker and the MongoDB-wire server, quiet but for the re-match's own report. */
    static ConfigurableApplicationContext startService(String bootstrap, int mongoPort) {
        // Command-line arguments, as they must win over application.yml.
        return new SpringApplicationBuilder(PolicyApplication.class, BenchEventKeys.class).run(
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/policy-bench",
                "--server.port=0",
                "--qujiang.policy.matching.catch-up-interval=1h",
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--logging.level.cn.qujiang.youth.policy.matching.Rematch=INFO");
    }

    /**
     * talent-service is not started, so the event keys come from memory: one key for everybody, as sealing costs
     * the same whatever the key. What the figures leave out is talent-service's side of the key lookups (one
     * request per page of changed applicants) and the HTTP round trips. Not a {@code @Configuration}: the
     * integration tests scan this package, and only the benchmark names it as a source.
     */
    static class BenchEventKeys {
        @Bean
        @Primary
        ApplicantKeys benchKeys() {
            EventKey key = EventKey.generate();
            return new ApplicantKeys() {
                @Override
                public Optional<EventKey> find(String applicantId) {
                    return Optional.of(key);
                }

                @Override
                public void forget(String applicantId) {
                }
            };
        }
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
            int applicants, boolean drafted) {
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        Timer runs = meters.get("policy.rematch.runs").timer();
        Counter changedCounter = meters.get("policy.rematch.changed").counter();
        long runsBefore = runs.count();
        double changedBefore = changedCounter.count();
        long eventsBefore = events.count();
        Cpu cpuBefore = Cpu.now();
        long start = System.nanoTime();

        long revision = drafted || BenchCatalogue.hasDraft(context, code) ? BenchCatalogue.approveAndPublish(context, code)
                : BenchCatalogue.publishChangedCriterion(context, code, "age", NEW_AGE_RULE);
        double published = seconds(start);
        await().forever().pollInterval(Duration.ofMillis(50)).until(() -> runs.count() > runsBefore);
        double rematched = seconds(start);
        Cpu rematchCpu = Cpu.now().minus(cpuBefore);
        long changed = Math.round(changedCounter.count() - changedBefore);
        await().forever().pollInterval(Duration.ofMillis(50)).until(() -> events.count() - eventsBefore >= changed);
        double received = (events.lastArrival() - start) / 1e9;
        Cpu cpu = Cpu.now().minus(cpuBefore);

        // The relay removes published entries from the outboxes just after Kafka acknowledged them.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !BenchApplicants.anyEventPending(context));
        if (BenchApplicants.anyBehind(context, revision) || events.settle() - eventsBefore != changed) {
            throw new IllegalStateException("the re-match after publishing " + code + " did not complete cleanly");
        }
        return new Timing(applicants, published, rematched, received, changed, rematchCpu, cpu);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Each line with the machine's load average (1 min) beside it: the machine may be shared. */
    static void report(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args) + String.format(" (load average %.1f)",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    /** Seconds after the publish call started; CPU until stored, and until every event was received. */
    private record Timing(int applicants, double published, double rematched, double received, long changed,
            Cpu cpu, Cpu cpuUntilReceived) {
        @Override
        public String toString() {
            return String.format("publish answered %.2f s; %,d applicants re-evaluated and stored %.1f s "
                    + "(%,.0f/s), CPU %s; %,d MatchesEvaluated (%.1f %%) acknowledged by Kafka and received by a "
                    + "consumer %.1f s, CPU until then %s", published, applicants, rematched,
                    applicants / rematched, cpu.describe(applicants), changed, 100.0 * changed / applicants,
                    received, cpuUntilReceived.describe(applicants));
        }
    }

    /**
     * CPU seconds of the service (this JVM without the benchmark's own event consumer: the re-match, its writes,
     * the outbox relay and Kafka producer, garbage collection and JIT), of the MongoDB-wire server and of the Kafka
     * broker (both child processes): on a shared machine the wall-clock time depends on the neighbours, the CPU time
     * much less, and the dev database's share is not what a production database would cost.
     */
    record Cpu(double service, double database, double broker) {
        static long databasePid;
        static long consumer = -1;

        static Cpu now() {
            double own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            double consuming = consumer < 0 ? 0 : java.lang.management.ManagementFactory.getThreadMXBean()
                    .getThreadCpuTime(consumer) / 1e9;
            double db = 0;
            double others = 0;
            for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
                double seconds = child.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(0.0);
                if (child.pid() == databasePid) {
                    db += seconds;
                } else {
                    others += seconds;
                }
            }
            return new Cpu(own - Math.max(0, consuming), db, others);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(service - earlier.service, database - earlier.database, broker - earlier.broker);
        }

        double serviceMicrosPer(int applicants) {
            return service * 1e6 / applicants;
        }

        String describe(int applicants) {
            return String.format("service %.1f s = %.0f us per applicant, MongoDB-wire server %.1f s = %.0f us, "
                    + "Kafka broker %.1f s", service, serviceMicrosPer(applicants), database,
                    database * 1e6 / applicants, broker);
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
        private final Thread poller;

        EventCounter(String bootstrap) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
            consumer.subscribe(List.of(Topics.POLICY_MATCH));
            poller = new Thread(this::poll, "bench-consumer");
            poller.setDaemon(true);
            poller.start();
        }

        long count() {
            return count.get();
        }

        long threadId() {
            return poller.getId();
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
