package cn.qujiang.youth.talent.it;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a topic receives from the moment the probe is opened: how a test sees the service's events. */
final class TopicProbe implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    TopicProbe(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(10)));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Waits until {@code count} matching records have arrived. */
    List<ConsumerRecord<String, String>> awaitCount(Predicate<ConsumerRecord<String, String>> filter, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return matching(filter).size() >= count;
        });
        return matching(filter);
    }

    /** Keeps reading for {@code period} and asserts that the number of matching records stays {@code count}. */
    List<ConsumerRecord<String, String>> awaitExactly(Predicate<ConsumerRecord<String, String>> filter, int count,
            Duration period) {
        awaitCount(filter, count);
        await().during(period).atMost(period.plusSeconds(10)).until(() -> {
            poll();
            return matching(filter).size() == count;
        });
        return matching(filter);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
