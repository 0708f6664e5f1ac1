package cn.qujiang.youth.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store's unique indexes ({@link HashedUniqueIndex}): talent-service's profiles with their sparse unique
 * {@code idIndex} (the ID number's blind index), refused duplicates and look-ups by key as MongoDB answers them, also
 * after the file is opened again, and a file that the library's own store opens the same way in either direction.
 */
class UniqueIndexH2BackendTest {
    @TempDir
    Path data;

    @Test
    void duplicatesAreRefusedAndKeysFoundAlsoAfterTheFileIsOpenedAgain() {
        int port = Ports.free();
        Path file = data.resolve("profiles.mv");
        try (MongoWireServer server = MongoWireServer.persistent(port, file).start();
                MongoClient client = MongoClients.create(server.uri("talent"))) {
            MongoCollection<Document> profiles = profilesWithIdIndex(client);
            profiles.insertMany(List.of(profile("a", "k1"), profile("b", "k2"), profile("c", null),
                    profile("d", null)));
            assertRefusedAsDuplicate(() -> profiles.insertOne(profile("a", "k9")));
            assertRefusedAsDuplicate(() -> profiles.insertOne(profile("e", "k1")));
            // a key moves: its old value is free, its new one taken
            profiles.updateOne(new Document("_id", "b"), new Document("$set", new Document("idIndex", "k3")));
            profiles.insertOne(profile("e", "k2"));
            assertRefusedAsDuplicate(() -> profiles.updateOne(new Document("_id", "c"),
                    new Document("$set", new Document("idIndex", "k3"))));
            profiles.deleteOne(new Document("_id", "a"));
            profiles.insertOne(profile("f", "k1"));
            assertAnswers(profiles);
        }

        try (MongoWireServer server = MongoWireServer.persistent(port, file).start();
                MongoClient client = MongoClients.create(server.uri("talent"))) {
            MongoCollection<Document> profiles = profiles(client);
            assertAnswers(profiles);
            assertRefusedAsDuplicate(() -> profiles.insertOne(profile("b", "k7")));
            assertRefusedAsDuplicate(() -> profiles.insertOne(profile("g", "k3")));
            profiles.insertOne(profile("g", null));
        }
    }

    @Test
    void aFileOpensInTheLibrarysOwnStoreAndBackWithTheSameAnswers() {
        int port = Ports.free();
        Path file = data.resolve("both.mv");
        try (MongoWireServer server = MongoWireServer.persistent(port, file).start();
                MongoClient client = MongoClients.create(server.uri("talent"))) {
            MongoCollection<Document> profiles = profilesWithIdIndex(client);
            profiles.insertMany(List.of(profile("b", "k3"), profile("c", null), profile("d", null),
                    profile("e", "k2"), profile("f", "k1")));
        }

        MongoServer library = new MongoServer(new H2Backend(file.toString()));
        library.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> profiles = profiles(client);
            assertAnswers(profiles);
            assertRefusedAsDuplicate(() -> profiles.insertOne(profile("g", "k2")));
            profiles.insertOne(profile("g", "k4"));
        } finally {
            library.shutdown();
        }

        try (MongoWireServer server = MongoWireServer.persistent(port, file).start();
                MongoClient client = MongoClients.create(server.uri("talent"))) {
            MongoCollection<Document> profiles = profiles(client);
            assertThat(profiles.find(new Document("idIndex", "k4")).first()).containsEntry("_id", "g");
            assertRefusedAsDuplicate(() -> profiles.insertOne(profile("h", "k4")));
            assertRefusedAsDuplicate(() -> profiles.insertOne(profile("g", "k5")));
        }
    }

    /** The profiles both tests leave before reopening: b k3, c and d without a key, e k2, f k1. */
    private static void assertAnswers(MongoCollection<Document> profiles) {
        assertThat(profiles.find(new Document("idIndex", "k1")).first()).containsEntry("_id", "f");
        assertThat(profiles.find(new Document("idIndex", "k2")).first()).containsEntry("_id", "e");
        assertThat(profiles.find(new Document("idIndex", "k3")).first()).containsEntry("_id", "b");
        assertThat(profiles.find(new Document("_id", "c")).first()).doesNotContainKey("idIndex");
        assertThat(profiles.find(new Document("_id", new Document("$in", List.of("a", "b", "f"))))
                .map(profile -> profile.getString("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder("b", "f");
        assertThat(profiles.countDocuments()).isEqualTo(5);
    }

    private static void assertRefusedAsDuplicate(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static MongoCollection<Document> profiles(MongoClient client) {
        return client.getDatabase("talent").getCollection("profiles");
    }

    /** As talent-service declares it: the ID number's blind index, unique where there is one. */
    private static MongoCollection<Document> profilesWithIdIndex(MongoClient client) {
        MongoCollection<Document> profiles = profiles(client);
        profiles.createIndex(new Document("idIndex", 1), new IndexOptions().unique(true).sparse(true)
                .name("idIndex_unique"));
        return profiles;
    }

    private static Document profile(String id, String idIndex) {
        Document profile = new Document("_id", id).append("version", 1L);
        return idIndex == null ? profile : profile.append("idIndex", idIndex);
    }
}
