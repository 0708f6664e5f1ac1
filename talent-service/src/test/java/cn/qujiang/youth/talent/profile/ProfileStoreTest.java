package cn.qujiang.youth.talent.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.crypto.Sealed;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/** Profiles against mongo-java-server: the unique blind index, the version guard and tombstones. */
class ProfileStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private InMemoryMongo mongo;
    private ProfileStore store;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo().withIndexesOf(ProfileDocument.class);
        store = new ProfileStore(mongo.template());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static ProfileDocument profile(String id, long version, String idIndex) {
        Sealed sealed = new Sealed("k1", "aXY=", "ZGF0YQ==");
        return new ProfileDocument(id, version, idIndex, new Identity(sealed, sealed, sealed, null), "zh",
                ApplicantFacts.none(), null, new Consent("2026-01", NOW), List.of(), NOW, NOW, null, List.of());
    }

    private static OutboxEntry erased(String id) {
        return OutboxEntry.of(new ApplicantErased(id, NOW), id, NOW);
    }

    @Test
    void twoProfilesCannotShareAnIdNumberIndex() {
        store.insert(profile("a1", 1, "index-x"));
        assertThatThrownBy(() -> store.insert(profile("a2", 1, "index-x"))).isInstanceOf(DuplicateKeyException.class);
        store.insert(profile("a2", 1, "index-y"));
        assertThatThrownBy(() -> store.update(profile("a2", 2, "index-x"), 1, erased("a2")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anUpdateFromAStaleVersionFails() {
        store.insert(profile("a1", 1, "index-x"));
        store.update(profile("a1", 2, "index-x"), 1, erased("a1"));
        assertThatThrownBy(() -> store.update(profile("a1", 2, "index-x"), 1, erased("a1")))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void aTombstoneKeepsOnlyIdVersionTimeAndTheOutboxAndFreesTheIdNumber() {
        store.insert(profile("a1", 1, "index-x"));
        store.insert(profile("a2", 1, "index-z"));
        assertThat(store.tombstone("a1", NOW, erased("a1"))).isTrue();
        assertThat(store.tombstone("a2", NOW, erased("a2"))).as("two tombstones without index coexist").isTrue();
        assertThat(store.tombstone("a1", NOW, erased("a1"))).as("already erased").isFalse();
        Document raw = mongo.template().getCollection("profiles").find(new Document("_id", "a1")).first();
        assertThat(raw.keySet()).containsExactlyInAnyOrder("_id", "version", "erasedAt", "outbox", "_class");
        assertThat(raw.getLong("version")).isEqualTo(2);
        store.insert(profile("a3", 1, "index-x"));
    }

    @Test
    void theLiveVersionIsReadAloneAndATombstoneHasNone() {
        assertThat(store.liveVersion("a1")).isEmpty();
        store.insert(profile("a1", 1, "index-x"));
        store.update(profile("a1", 2, "index-x"), 1, erased("a1"));
        assertThat(store.liveVersion("a1")).hasValue(2);
        store.tombstone("a1", NOW, erased("a1"));
        assertThat(store.liveVersion("a1")).isEmpty();
    }

    @Test
    void aTombstoneIsDeletedOnlyOnceItsEventsHaveLeft() {
        store.insert(profile("a1", 1, "index-x"));
        store.tombstone("a1", NOW, erased("a1"));
        assertThat(store.deleteRelayedTombstone("a1")).isFalse();
        mongo.template().getCollection("profiles").updateOne(new Document("_id", "a1"),
                new Document("$set", new Document("outbox", List.of())));
        assertThat(store.deleteRelayedTombstone("a1")).isTrue();
        assertThat(store.exists("a1")).isFalse();
    }

    @Test
    void aSaveReadsTheVersionConsentHeldMeasuresAndCreationAndATombstoneAsErased() {
        assertThat(store.saveState("a1")).isEmpty();
        ProfileDocument first = profile("a1", 1, "index-x");
        store.insert(new ProfileDocument("a1", 1, "index-x", first.identity(), "zh", ApplicantFacts.none(), null,
                new Consent("2026-01", NOW), List.of("QJY-03"), NOW.minusSeconds(60), NOW, null, List.of()));
        assertThat(store.saveState("a1")).contains(new ProfileStore.SaveState(1, false, new Consent("2026-01", NOW),
                List.of("QJY-03"), NOW.minusSeconds(60)));
        store.tombstone("a1", NOW, erased("a1"));
        assertThat(store.saveState("a1")).contains(new ProfileStore.SaveState(2, true, null, List.of(), null));
    }
}
