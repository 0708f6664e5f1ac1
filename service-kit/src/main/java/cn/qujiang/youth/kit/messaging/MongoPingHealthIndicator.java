package cn.qujiang.youth.kit.messaging;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB's health by {@code ping}, which every MongoDB wire-protocol server answers; Boot's own indicator sends
 * {@code hello}, which the embedded server of the local stack does not know, so it would report DOWN forever.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {
    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", reply.get("ok"));
    }
}
