package cn.qujiang.youth.kit.messaging;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.kit.worker.BackgroundWorker;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The only code that talks to Kafka's producer. It publishes the outbox entries of aggregate documents and then
 * removes them by id. Writers call {@link #wake} after a write so events leave at once; a periodic sweep picks up
 * whatever a crash left behind. A crash between send and removal only re-sends (same CloudEvents id): consumers
 * are idempotent, so a duplicate is harmless and nothing is lost.
 *
 * <p>It reads only the outbox of a document (not the aggregate around it) and removes what it published with one
 * bulk write per batch. The sweep searches a whole collection, so with a {@link LockingTaskExecutor} it runs on
 * one instance per sweep interval (lock {@code <service>.outbox-sweep}), not on every instance.
 */
public class OutboxRelay extends BackgroundWorker {
    /** How long beyond its interval a sweep of a crashed instance keeps the others from sweeping. */
    private static final Duration SWEEP_AT_MOST = Duration.ofMinutes(1);
    private static final Document OUTBOX_ONLY = new Document(OutboxEntry.FIELD, 1);
    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final LockingTaskExecutor locks;
    private final String sweepLock;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private long nextSweep = System.nanoTime();

    /**
     * {@code locks} (may be null: every instance sweeps) keeps the sweep to one instance at a time under
     * {@code sweepLock}.
     */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            LockingTaskExecutor locks, String sweepLock) {
        // Kafka or MongoDB unavailable: the entries stay in their documents and the next round retries.
        super("outbox-relay", Duration.ofMillis(Math.min(2000, properties.sweepInterval().toMillis())));
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.locks = locks;
        this.sweepLock = sweepLock;
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
                batch = mongo.find(outboxOnly(withOutbox().limit(properties.batchSize())), Document.class, collection);
                sent += publish(collection, batch);
            } while (batch.size() == properties.batchSize());
        }
        return sent;
    }

    /** A sweep when one is due, then the documents woken meanwhile, as soon as they are. */
    @Override
    protected void step() throws InterruptedException {
        if (System.nanoTime() - nextSweep >= 0) {
            sweep();
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
     * {@link #flush} where the lock was taken. Held at least one sweep interval: the instance that swept keeps it
     * until its own next sweep is due, and the others, finding it taken, skip theirs.
     */
    private void sweep() {
        if (locks == null) {
            flush();
            return;
        }
        Duration interval = properties.sweepInterval();
        locks.executeWithLock((Runnable) this::flush, new LockConfiguration(Instant.now(), sweepLock,
                interval.plus(SWEEP_AT_MOST), interval.minusMillis(interval.toMillis() / 10)));
    }

    /**
     * The woken documents, found by id alone: the MongoDB-wire server answers an {@code _id} query from its index,
     * but scans the whole collection once any other condition is added; documents whose outbox is already empty
     * (published by a sweep meanwhile) are skipped here instead. Asked through the driver: Spring Data's query
     * mapping and result conversion cost more CPU than the query itself, per event.
     */
    private void publishWoken(List<Pending> woken) {
        woken.stream().collect(Collectors.groupingBy(Pending::collection)).forEach((collection, ids) -> {
            List<Object> stored = ids.stream().map(Pending::id).distinct().map(OutboxRelay::storedId).toList();
            List<Document> withEntries = new ArrayList<>(stored.size());
            for (Document document : mongo.getCollection(collection).find(Filters.in("_id", stored))
                    .projection(OUTBOX_ONLY)) {
                if (!document.getList(OutboxEntry.FIELD, Document.class, List.of()).isEmpty()) {
                    withEntries.add(document);
                }
            }
            publish(collection, withEntries);
        });
    }

    /** An id as Spring Data stores a String {@code @Id}: one that reads as an ObjectId is stored as an ObjectId. */
    private static Object storedId(Object id) {
        return id instanceof String text && ObjectId.isValid(text) ? new ObjectId(text) : id;
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
        List<UpdateOneModel<Document>> removals = new ArrayList<>(documents.size());
        for (Document document : documents) {
            List<Object> ids = document.getList(OutboxEntry.FIELD, Document.class).stream()
                    .map(entry -> entry.get("eventId")).toList();
            // The stored _id as read, so no mapping is needed; by event id, so entries added meanwhile stay.
            removals.add(new UpdateOneModel<>(Filters.eq("_id", document.get("_id")),
                    Updates.pull(OutboxEntry.FIELD, Filters.in("eventId", ids))));
            sent += ids.size();
        }
        if (!removals.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(removals, new BulkWriteOptions().ordered(false));
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

    /** The outbox alone: the relay needs nothing else of the aggregate (an applicant's results, say). */
    private static Query outboxOnly(Query query) {
        query.fields().include(OutboxEntry.FIELD);
        return query;
    }

    private static Query withOutbox() {
        return Query.query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true));
    }

    private record Pending(String collection, Object id) {
    }
}
