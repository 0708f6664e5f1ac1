package cn.qujiang.youth.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local stack promises an operator: data survives a restart, and a taken port is a one-line error. */
class InfrastructureIT {

    @TempDir
    Path data;

    @Test
    void kafkaKeepsItsRecordsAcrossARestart() throws Exception {
        int port = Ports.free();
        int controller = Ports.free();
        String key = UUID.randomUUID().toString();
        try (KafkaBroker broker = new KafkaBroker(port, controller, data.resolve("kafka")).start();
                KafkaProducer<String, String> producer = producer(broker)) {
            producer.send(new ProducerRecord<>("restart.check", key, "kept")).get();
        }

        try (KafkaBroker broker = new KafkaBroker(port, controller, data.resolve("kafka")).start()) {
            assertThat(readAll(broker, "restart.check")).anyMatch(r -> key.equals(r.key()) && "kept".equals(r.value()));
        }
    }

    @Test
    void theMongoWireServerKeepsDocumentsInItsFileAcrossARestart() {
        int port = Ports.free();
        Path file = data.resolve("mongo/suite.mv");
        try (MongoWireServer server = MongoWireServer.persistent(port, file).start();
                MongoClient client = MongoClients.create(server.uri("talent"))) {
            client.getDatabase("talent").getCollection("profiles").insertOne(new Document("_id", "p1").append("v", 3));
        }

        try (MongoWireServer server = MongoWireServer.persistent(port, file).start();
                MongoClient client = MongoClients.create(server.uri("talent"))) {
            assertThat(client.getDatabase("talent").getCollection("profiles").find().first()).containsEntry("v", 3);
        }
    }

    /**
     * A query naming one {@code _id} and more (a guarded write) is answered from that document alone: it must still
     * match every other condition, so a stale guard changes nothing, and ids of other types are still found.
     */
    @Test
    void guardedWritesOnTheFileStoreMatchTheWholeQuery() {
        try (MongoWireServer server = MongoWireServer.persistent(Ports.free(), data.resolve("mongo/ids.mv")).start();
                MongoClient client = MongoClients.create(server.uri("talent"))) {
            var profiles = client.getDatabase("talent").getCollection("profiles");
            profiles.insertMany(List.of(new Document("_id", "p1").append("version", 1L),
                    new Document("_id", "p2").append("version", 1L), new Document("_id", 7).append("version", 1L),
                    new Document("_id", new org.bson.types.ObjectId()).append("version", 1L)));

            var stale = profiles.updateOne(new Document("_id", "p1").append("version", 0L),
                    new Document("$set", new Document("version", 2L)));
            var current = profiles.updateOne(new Document("_id", "p1").append("version", 1L),
                    new Document("$set", new Document("version", 2L)));
            var numeric = profiles.updateOne(new Document("_id", 7).append("version", 1L),
                    new Document("$set", new Document("version", 2L)));

            assertThat(stale.getMatchedCount()).isZero();
            assertThat(current.getModifiedCount()).isOne();
            assertThat(numeric.getModifiedCount()).isOne();
            assertThat(profiles.find(new Document("_id", "p1")).first()).containsEntry("version", 2L);
            assertThat(profiles.find(new Document("_id", "p2").append("version", 1L)).first()).isNotNull();
            assertThat(profiles.find(new Document("_id", "nobody").append("version", 1L)).first()).isNull();
            assertThat(profiles.countDocuments(new Document("version", 2L))).isEqualTo(2);

            // the same guards as the driver's Filters.and writes them: {$and: [{_id}, {version}]}
            var staleAnd = profiles.updateOne(Filters.and(Filters.eq("_id", "p2"), Filters.eq("version", 0L)),
                    new Document("$set", new Document("version", 3L)));
            var twoIds = profiles.updateOne(Filters.and(Filters.eq("_id", "p2"), Filters.eq("_id", "p1")),
                    new Document("$set", new Document("version", 3L)));
            var currentAnd = profiles.updateOne(Filters.and(Filters.eq("version", 1L), Filters.eq("_id", "p2")),
                    new Document("$set", new Document("version", 3L)));
            assertThat(staleAnd.getMatchedCount()).isZero();
            assertThat(twoIds.getMatchedCount()).isZero();
            assertThat(currentAnd.getModifiedCount()).isOne();
            assertThat(profiles.find(new Document("_id", "p2")).first()).containsEntry("version", 3L);
        }
    }

    /** Both stores count what they answer by reading a whole collection, and only that. */
    @Test
    void theStoresCountTheQueriesTheyAnswerByAScan() {
        for (MongoWireServer store : List.of(MongoWireServer.persistent(Ports.free(), data.resolve("mongo/scans.mv")),
                MongoWireServer.inMemory(Ports.free()))) {
            try (MongoWireServer server = store.start();
                    MongoClient client = MongoClients.create(server.uri("talent"))) {
                var matches = client.getDatabase("talent").getCollection("matches");
                matches.insertMany(List.of(new Document("_id", "a1").append("revision", 1L),
                        new Document("_id", "a2").append("revision", 1L)));
                matches.updateOne(Filters.and(Filters.eq("_id", "a1"), Filters.eq("revision", 1L)),
                        new Document("$set", new Document("revision", 2L)));
                matches.updateOne(new Document("_id", "a2").append("revision", 1L),
                        new Document("$set", new Document("revision", 2L)));
                matches.find(new Document("_id", "a1")).first();
                matches.find(Filters.and(Filters.in("_id", "a1", "a2"), Filters.eq("revision", 2L))).first();
                assertThat(server.collectionScans()).as("guarded writes and reads by _id").isEmpty();

                matches.find(new Document("revision", 2L)).into(new java.util.ArrayList<>());
                matches.updateMany(Filters.or(Filters.eq("_id", "a1"), Filters.eq("_id", "a2")),
                        new Document("$set", new Document("revision", 3L)));
                assertThat(server.collectionScans()).containsExactly(java.util.Map.entry("talent.matches", 2L));
            }
        }
    }

    @Test
    void aTakenPortIsAOneLineError() {
        try (MongoWireServer first = MongoWireServer.inMemory(Ports.free()).start()) {
            assertThatThrownBy(() -> new SmtpServer(first.port()).start())
                    .isInstanceOf(InfraException.class)
                    .hasMessage("port " + first.port() + " for the SMTP server is already in use on 127.0.0.1"
                            + " (stop what uses it or choose another port)");
        }
    }

    @Test
    void theSmtpServerReceivesRealMail() throws Exception {
        try (SmtpServer smtp = new SmtpServer(Ports.free()).start()) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(smtp.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("noreply@youth.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("someone@example.com"));
            message.setSubject("您有新的可享政策");
            message.setText("hello");
            Transport.send(message);

            assertThat(smtp.received()).extracting(MimeMessage::getSubject).containsExactly("您有新的可享政策");
        }
    }

    @Test
    void theSmsSinkRecordsWhatWasSent() throws Exception {
        try (SmsSink sink = new SmsSink(Ports.free()).start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sink.url()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phoneNumber\":\"13800138000\",\"content\":\"【青年衢江】审核通过\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(sink.received()).singleElement()
                    .satisfies(sms -> assertThat(sms.path("content").asString()).isEqualTo("【青年衢江】审核通过"));
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaBroker broker, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
