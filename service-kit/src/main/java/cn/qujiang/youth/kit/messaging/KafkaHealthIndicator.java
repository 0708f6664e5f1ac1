package cn.qujiang.youth.kit.messaging;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** UP only while the broker answers; part of the readiness group, so a service without Kafka takes no traffic. */
public class KafkaHealthIndicator extends AbstractHealthIndicator {
    private final Admin admin;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        java.util.Map<String, Object> config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        this.admin = Admin.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
        builder.up().withDetail("nodes", nodes);
    }
}
