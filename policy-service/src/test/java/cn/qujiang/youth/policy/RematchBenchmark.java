package cn.qujiang.youth.policy;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.policy.catalogue.BenchCatalogue;
import cn.qujiang.youth.policy.matching.BenchApplicants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: times the re-match of N stored applicants (default 100,000) after a publish, against the real Kafka
 * broker and MongoDB-wire server of infra-kit, storage and events included. Run with
 * {@code mvn -o -pl policy-service -Pbench -DskipTests verify} (see README.md).
 *
 * <p>The change published: QJY-37 (cinema and sports venue discounts) narrows its age criterion from 18–35 to
 * 18–30, which changes the result of roughly one applicant in six.
 */
public final class RematchBenchmark {
    private static final String CHANGED_MEASURE = "QJY-37";
    private static final String NEW_AGE_RULE = "applicant.age >= 18 && applicant.age <= 30";

    private RematchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        // Command-line arguments, as they must win over application.yml.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PolicyApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.mongodb.uri=" + TestInfrastructure.mongo().uri("policy-bench"),
                "--server.port=0",
                "--qujiang.policy.matching.catch-up-interval=1h",
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--logging.level.cn.qujiang.youth.policy.matching.Rematch=INFO");
        int status = 0;
        try (EventCounter events = new EventCounter(bootstrap)) {
            long seedStart = System.nanoTime();
            BenchApplicants.seed(context, applicants, 42);
            report("stored %,d evaluated applicants in %.1f s (setup, not timed)", applicants, seconds(seedStart));
            waitFor(() -> !BenchApplicants.anyEventPending(context)); // the seed catalogue's own events

            long start = System.nanoTime();
            long revision = BenchCatalogue.publishChangedCriterion(context, CHANGED_MEASURE, "age", NEW_AGE_RULE);
            double published = seconds(start);
            waitFor(() -> !BenchApplicants.anyBehind(context, revision));
            double rematched = seconds(start);
            waitFor(() -> !BenchApplicants.anyEventPending(context));
            double relayed = seconds(start);
            long changed = events.settle();
            double received = seconds(start);

            report("publish of %s answered in %.2f s", CHANGED_MEASURE, published);
            report("all %,d applicants re-evaluated and stored after %.1f s (%,.0f applicants/s)", applicants,
                    rematched, applicants / rematched);
            report("all %,d MatchesEvaluated events acknowledged by Kafka after %.1f s", changed, relayed);
            report("all events received by a consumer after %.1f s; %,d of %,d applicants changed (%.1f %%)",
                    received, changed, applicants, 100.0 * changed / applicants);
            report("target: <= 60 s -> %s", relayed <= 60 ? "met" : "MISSED");
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            context.close();
        }
        System.exit(status); // the broker's shutdown hook stops it
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(1000);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
    }

    /** Counts CATALOGUE_CHANGED MatchesEvaluated events as a downstream consumer receives them. */
    private static final class EventCounter implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final AtomicLong count = new AtomicLong();
        private final Thread poller;
        private volatile boolean running = true;
        private volatile long lastArrival = System.nanoTime();

        EventCounter(String bootstrap) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
            consumer.subscribe(List.of(Topics.POLICY_MATCH));
            poller = new Thread(this::poll, "bench-consumer");
            poller.setDaemon(true);
            poller.start();
        }

        private void poll() {
            String type = EventType.MATCHES_EVALUATED.typeId();
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    String header = new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(),
                            StandardCharsets.UTF_8);
                    if (header.equals(type) && record.value().contains("\"trigger\":\"CATALOGUE_CHANGED\"")) {
                        count.incrementAndGet();
                        lastArrival = System.nanoTime();
                    }
                }
            }
            consumer.close();
        }

        /** The count once no event arrived for a second (every event was already acknowledged by the broker). */
        long settle() throws InterruptedException {
            while (System.nanoTime() - lastArrival < 1_000_000_000L) {
                Thread.sleep(100);
            }
            return count.get();
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
