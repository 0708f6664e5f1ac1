package cn.qujiang.youth.kit.messaging;

import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import java.util.Arrays;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Topics (with their dead-letter twins), bounded retry with back-off then the DLT for every listener, the outbox
 * relay, and the health of Kafka and MongoDB.
 */
@AutoConfiguration(afterName = {
        "cn.qujiang.youth.kit.scheduling.KitSchedulingAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
public class KitMessagingAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics suiteTopics(@Value("${qujiang.kafka.partitions:6}") int partitions,
            @Value("${qujiang.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Arrays.stream(EventType.values()).map(EventType::topic).distinct()
                .flatMap(topic -> Stream.of(topic(topic, partitions, replicas),
                        new NewTopic(Topics.deadLetterOf(topic), partitions, replicas)))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        NewTopic topic = new NewTopic(name, partitions, replicas);
        if (Topics.POLICY_CATALOGUE.equals(name)) {
            topic.configs(java.util.Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template,
            @Value("${qujiang.kafka.retry.attempts:4}") int attempts) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        RetryPolicy retries = new RetryPolicy(attempts);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retries.standard());
        handler.setBackOffFunction((record, failure) -> retries.forFailure(failure));
        handler.addNotRetryableExceptions(InboundEvent.InvalidEventException.class, DeserializationException.class);
        return handler;
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            ObjectProvider<LockingTaskExecutor> locks, @Value("${spring.application.name}") String application) {
        OutboxProperties withSource = properties.source() == null
                ? new OutboxProperties(properties.collections(), properties.sweepInterval(), "/" + application,
                        properties.batchSize())
                : properties;
        return new OutboxRelay(mongo, kafka, withSource, locks.getIfAvailable(), application + ".outbox-sweep");
    }

    /** Named like Boot's indicator so that it replaces it and reports as component "mongo". */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
