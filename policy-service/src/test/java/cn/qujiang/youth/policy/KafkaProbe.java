package cn.qujiang.youth.policy;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The other side of the broker in integration tests: publishes events as talent-service does (CloudEvents headers,
 * key = subject) and records what policy-service publishes, as its consumers would see it.
 */
public final class KafkaProbe implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public KafkaProbe(String bootstrapServers, String... topics) {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(producerProps);
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(consumerProps);
        consumer.subscribe(List.of(topics));
        poller = new Thread(this::poll, "kafka-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** Sends an event with a fresh CloudEvents id, keyed like its producer would. */
    public void send(Object payload, String key) {
        EventType type = EventType.of(payload);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, EventJson.write(payload));
        Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.SOURCE, "/talent-service",
                CloudEventHeaders.TYPE, type.typeId(),
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SUBJECT, key,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .forEach((name, value) -> record.headers()
                        .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + type.typeId(), e);
        }
    }

    /** Every event of this type received so far whose payload matches. */
    public <T> List<T> events(Class<T> payloadType, Predicate<T> filter) {
        List<T> matching = new ArrayList<>();
        for (Received event : received) {
            if (payloadType.getName().equals(event.payloadClass())) {
                T payload = payloadType.cast(event.payload());
                if (filter.test(payload)) {
                    matching.add(payload);
                }
            }
        }
        return matching;
    }

    public List<Received> records() {
        return List.copyOf(received);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                String typeId = new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(),
                        StandardCharsets.UTF_8);
                EventType.byTypeId(typeId).ifPresent(type -> received.add(new Received(record.topic(), record.key(),
                        type.payloadType().getName(), EventJson.read(record.value(), type))));
            }
        }
        consumer.close();
    }

    @Override
    public void close() {
        running = false;
        producer.close();
    }

    public record Received(String topic, String key, String payloadClass, Object payload) {
    }
}
