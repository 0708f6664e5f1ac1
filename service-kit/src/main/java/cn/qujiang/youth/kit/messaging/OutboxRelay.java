package cn.qujiang.youth.kit.messaging;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.kit.worker.BackgroundWorker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The only code that talks to Kafka's producer. It publishes the outbox entries of aggregate documents and then
 * removes them by id. Writers call {@link #wake} after a write so events leave at once; a periodic sweep picks up
 * whatever a crash left behind. A crash between send and removal only re-sends (same CloudEvents id): consumers
 * are idempotent, so a duplicate is harmless and nothing is lost.
 */
public class OutboxRelay extends BackgroundWorker {
    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private long nextSweep = System.nanoTime();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties) {
        // Kafka or MongoDB unavailable: the entries stay in their documents and the next round retries.
        super("outbox-relay", Duration.ofMillis(Math.min(2000, properties.sweepInterval().toMillis())));
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Tells the relay that the document {@code id} of {@code collection} now carries outbox entries. */
    public void wake(String collection, Object id) {
        pending.add(new Pending(collection, id));
    }

    /** Publishes everything pending now; returns how many events left. Used by the worker and by tests. */
    public int flush() {
        int sent = 0;
        for (String collection : properties.collections()) {
            List<Document> batch;
            do {
                batch = mongo.find(withOutbox().limit(properties.batchSize()), Document.class, collection);
                sent += publish(collection, batch);
            } while (batch.size() == properties.batchSize());
        }
        return sent;
    }

    /** A sweep when one is due, then the documents woken meanwhile, as soon as they are. */
    @Override
    protected void step() throws InterruptedException {
        if (System.nanoTime() - nextSweep >= 0) {
            flush();
            nextSweep = System.nanoTime() + properties.sweepInterval().toNanos();
        }
        Pending first = pending.poll(properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            List<Pending> woken = new ArrayList<>(List.of(first));
            pending.drainTo(woken, properties.batchSize());
            publishWoken(woken);
        }
    }

    /**
     * The woken documents, found by id alone: the MongoDB-wire server answers an {@code _id} query from its index,
     * but scans the whole collection once any other condition is added; documents whose outbox is already empty
     * (published by a sweep meanwhile) are skipped here instead.
     */
    private void publishWoken(List<Pending> woken) {
        woken.stream().collect(Collectors.groupingBy(Pending::collection)).forEach((collection, ids) -> {
            Query query = Query.query(Criteria.where("_id").in(ids.stream().map(Pending::id).distinct().toList()));
            List<Document> withEntries = mongo.find(query, Document.class, collection).stream()
                    .filter(document -> !document.getList(OutboxEntry.FIELD, Document.class, List.of()).isEmpty())
                    .toList();
            publish(collection, withEntries);
        });
    }

    private int publish(String collection, List<Document> documents) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Document document : documents) {
            for (Document entry : document.getList(OutboxEntry.FIELD, Document.class)) {
                acks.add(kafka.send(record(entry)));
            }
        }
        awaitAll(acks);
        int sent = 0;
        for (Document document : documents) {
            List<Object> ids = document.getList(OutboxEntry.FIELD, Document.class).stream().map(e -> e.get("eventId")).toList();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull(OutboxEntry.FIELD, Query.query(Criteria.where("eventId").in(ids))), collection);
            sent += ids.size();
        }
        return sent;
    }

    private ProducerRecord<String, String> record(Document entry) {
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"), entry.getString("key"),
                entry.getString("payload"));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, entry.getString("eventId"));
        header(record, CloudEventHeaders.SOURCE, properties.source());
        header(record, CloudEventHeaders.TYPE, entry.getString("type"));
        header(record, CloudEventHeaders.TIME, String.valueOf(entry.get("occurredAt") instanceof java.util.Date date
                ? date.toInstant() : entry.get("occurredAt")));
        header(record, CloudEventHeaders.SUBJECT, entry.getString("key"));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static void awaitAll(List<CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
        }
    }

    private static Query withOutbox() {
        return Query.query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true));
    }

    private record Pending(String collection, Object id) {
    }
}
