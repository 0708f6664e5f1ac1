package cn.qujiang.youth.policy;

import static cn.qujiang.youth.policy.RematchBenchmark.report;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.ChildProcess;
import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.policy.eventkey.ApplicantKeys;
import cn.qujiang.youth.policy.matching.BenchApplicants;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: policy-service's CPU per profile update, the load harness's question without the rest of the stack.
 * talent-service's part is played by this JVM: {@code ApplicantProfileChanged} events (facts sealed with the
 * applicant's key) for a few hundred residents, sent at a steady rate to the real broker; the service opens,
 * evaluates, stores and publishes MatchesEvaluated, which a consumer here counts. Each stage prints the service's
 * CPU per update (this JVM's CPU without the threads of the benchmark's own producer and consumer), the
 * MongoDB-wire server's and the broker's, and the latency from sending the profile event to receiving its
 * MatchesEvaluated. Run with {@code mvn -o -pl infra-kit,contracts,service-kit,policy-engine,policy-service
 * -Pprofile-bench -DskipTests verify} (README.md, "Performance").
 */
public final class ProfileUpdateBenchmark {
    private static final String BENCH = "bench-";
    /** CPU nanoseconds of the finished sender threads. */
    private static final java.util.concurrent.atomic.LongAdder SENDERS = new java.util.concurrent.atomic.LongAdder();

    private ProfileUpdateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int residents = Integer.getInteger("bench.residents", 200);
        double[] rates = Arrays.stream(System.getProperty("bench.rates", "25,25,25").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int stageSeconds = Integer.getInteger("bench.stage-seconds", 40);
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        int mongoPort = Ports.free();
        ChildProcess mongo = RematchBenchmark.startMongo(mongoPort, System.getProperty("bench.mongo.jvm",
                "-Xmx1g -XX:+UseSerialGC"));
        ConfigurableApplicationContext context = RematchBenchmark.startService(bootstrap, mongoPort);
        RematchBenchmark.runThenExit(mongo, context, () -> {
            try (Results results = new Results(bootstrap)) {
                EventKey key = context.getBean(ApplicantKeys.class).find("anyone").orElseThrow();
                Residents profiles = new Residents(residents, key, bootstrap);
                for (int stage = 0; stage < rates.length; stage++) {
                    Usage before = Usage.now(mongo.pid());
                    long sent = profiles.send(rates[stage], stageSeconds, results);
                    results.awaitAll(Duration.ofSeconds(120));
                    Usage used = Usage.now(mongo.pid()).minus(before);
                    List<Long> latencies = results.drainLatencies();
                    report("stage %d, %.0f/s for %d s: %,d profile updates, %,d MatchesEvaluated; send -> "
                            + "received p50 / p95 / max %s ms; CPU per update: service %.2f ms (listener %.2f, "
                            + "relay %.2f, Kafka producer %.2f, other threads %.2f, JIT + GC %.2f), MongoDB-wire "
                            + "server %.2f ms, Kafka broker %.2f ms", stage + 1, rates[stage], stageSeconds, sent,
                            latencies.size(), percentiles(latencies), used.service() / sent,
                            used.listener() / sent, used.relay() / sent, used.producer() / sent,
                            used.otherThreads() / sent, used.jitAndGc() / sent, used.database() / sent,
                            used.broker() / sent);
                }
                profiles.close();
                return false;
            }
        });
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.0f / %.0f / %.0f", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /**
     * CPU milliseconds: the service (this JVM but the benchmark's threads), split into the profile listener's
     * threads, the outbox relay, the Kafka producer's I/O thread, the service's other threads, and what no Java
     * thread shows (the JIT compilers, the garbage collector); the database; the broker.
     */
    private record Usage(double service, double listener, double relay, double producer, double otherThreads,
            double database, double broker) {
        static Usage now(long databasePid) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e6;
            double bench = SENDERS.sum() / 1e6;
            double listener = 0;
            double relay = 0;
            double producer = 0;
            double other = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                String name = info.getThreadName();
                double millis = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1e6;
                if (name.contains(BENCH)) {
                    bench += millis;
                } else if (name.startsWith("org.springframework.kafka.KafkaListenerEndpointContainer")) {
                    listener += millis;
                } else if (name.equals("outbox-relay")) {
                    relay += millis;
                } else if (name.startsWith("kafka-producer-network-thread")) {
                    producer += millis;
                } else {
                    other += millis;
                }
            }
            double db = 0;
            double others = 0;
            for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
                double millis = child.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
                if (child.pid() == databasePid) {
                    db += millis;
                } else {
                    others += millis;
                }
            }
            return new Usage(own - bench, listener, relay, producer, other, db, others);
        }

        double jitAndGc() {
            return service - listener - relay - producer - otherThreads;
        }

        Usage minus(Usage earlier) {
            return new Usage(service - earlier.service, listener - earlier.listener, relay - earlier.relay,
                    producer - earlier.producer, otherThreads - earlier.otherThreads, database - earlier.database,
                    broker - earlier.broker);
        }
    }

    /** The residents' profile events as talent-service sends them: a new version each time, facts sealed. */
    private static final class Residents implements AutoCloseable {
        private final String[] ids;
        private final long[] versions;
        private final EventKey key;
        private final KafkaProducer<String, String> producer;
        private final Random random = new Random(17);
        private int next;

        Residents(int count, EventKey key, String bootstrap) {
            ids = new String[count];
            versions = new long[count];
            for (int i = 0; i < count; i++) {
                ids[i] = UUID.randomUUID().toString();
            }
            this.key = key;
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, BENCH + "producer");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }

        /** Sends {@code rate} updates a second for {@code seconds} from a thread of the benchmark's own. */
        long send(double rate, int seconds, Results results) throws InterruptedException {
            long total = Math.round(rate * seconds);
            long interval = Math.round(1e9 / rate);
            Thread sender = new Thread(() -> {
                long due = System.nanoTime();
                for (long i = 0; i < total; i++) {
                    LockSupport.parkNanos(due - System.nanoTime());
                    sendOne(results);
                    due += interval;
                }
                // Gone by the time the stage's CPU is read, so its own CPU is counted here.
                SENDERS.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            }, BENCH + "sender");
            sender.start();
            sender.join();
            return total;
        }

        private void sendOne(Results results) {
            int resident = next++ % ids.length;
            long version = ++versions[resident];
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            ApplicantProfileChanged event = ApplicantProfileChanged.sealing(ids[resident], version, Instant.now(),
                    BenchApplicants.facts(random, today), List.of(), key);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TALENT_APPLICANT, ids[resident],
                    EventJson.write(event));
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
            header(record, CloudEventHeaders.SOURCE, "/talent-service");
            header(record, CloudEventHeaders.TYPE, EventType.APPLICANT_PROFILE_CHANGED.typeId());
            header(record, CloudEventHeaders.TIME, Instant.now().toString());
            header(record, CloudEventHeaders.SUBJECT, ids[resident]);
            header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            results.expect(ids[resident], version);
            producer.send(record);
        }

        private static void header(ProducerRecord<String, String> record, String name, String value) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /**
     * The MatchesEvaluated events, as a downstream consumer receives them: the time from sending each profile
     * version to receiving its results. Only the head of each event is read (applicant id and profile version
     * come first), to leave the CPU to the service.
     */
    private static final class Results implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;

        Results(String bootstrap) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, BENCH + UUID.randomUUID());
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, BENCH + "consumer");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
            consumer.subscribe(List.of(Topics.POLICY_MATCH));
            Thread poller = new Thread(this::poll, BENCH + "results");
            poller.setDaemon(true);
            poller.start();
        }

        void expect(String applicantId, long version) {
            sentAt.put(applicantId + ":" + version, System.nanoTime());
        }

        private void poll() {
            String type = EventType.MATCHES_EVALUATED.typeId();
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (!type.equals(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(),
                            StandardCharsets.UTF_8))) {
                        continue;
                    }
                    String head = record.value().substring(0, Math.min(200, record.value().length()));
                    int at = head.indexOf("\"profileVersion\":") + "\"profileVersion\":".length();
                    int end = at;
                    while (Character.isDigit(head.charAt(end))) {
                        end++;
                    }
                    Long sent = sentAt.remove(record.key() + ":" + head.substring(at, end));
                    if (sent != null) {
                        latencies.add(System.nanoTime() - sent);
                    }
                }
            }
            consumer.close();
        }

        void awaitAll(Duration atMost) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(sentAt::isEmpty);
        }

        List<Long> drainLatencies() {
            List<Long> drained = new ArrayList<>();
            for (Long latency = latencies.poll(); latency != null; latency = latencies.poll()) {
                drained.add(latency);
            }
            return drained;
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
