package cn.qujiang.youth.talent.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.crypto.Sealed;
import java.time.Instant;
import java.time.LocalDate;
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

    @Test
    void anUpdateStoresTheProfileExactlyAsAFirstSaveStoresIt() {
        ApplicantFacts facts = new ApplicantFacts(LocalDate.of(1999, 5, 1), ApplicantFacts.Gender.FEMALE,
                ApplicantFacts.Degree.MASTER, LocalDate.of(2024, 6, 30),
                List.of(new ApplicantFacts.Graduation(ApplicantFacts.Degree.BACHELOR, LocalDate.of(2021, 6, 30))), true,
                ApplicantFacts.Hukou.OUT_OF_PROVINCE, true, true, ApplicantFacts.EmploymentStatus.EMPLOYED, true,
                ApplicantFacts.Industry.E_COMMERCE, LocalDate.of(2024, 8, 1), 0, LocalDate.of(2024, 8, 1), null, false,
                null, null, false, true, ApplicantFacts.SkillLevel.JUNIOR, ApplicantFacts.TalentTier.E, false,
                List.of(LocalDate.of(2025, 2, 3)), null);
        ProfileDocument saved = profile("a1", 2, "index-x");
        ProfileDocument rich = new ProfileDocument("a1", 2, "index-x", saved.identity(), "en", facts,
                new ProfileDetails("浙江大学", "衢江电商园", "91330803MA2DXXXX1X"), new Consent("2026-01", NOW),
                List.of("QJY-03", "QJY-07"), NOW.minusSeconds(60), NOW, null, List.of());
        store.insert(profile("a1", 1, "index-y"));
        store.update(rich, 1, erased("a1"));
        mongo.template().insert(new ProfileDocument("a2", 2, "index-z", rich.identity(), rich.preferredLanguage(), facts,
                rich.details(), rich.consent(), rich.heldMeasures(), rich.createdAt(), rich.updatedAt(), null, List.of()));

        Document updated = stateOf("a1");
        Document inserted = stateOf("a2");
        assertThat(updated.remove("idIndex")).isEqualTo("index-x");
        inserted.remove("idIndex");
        assertThat(updated).isEqualTo(inserted);
        assertThat(store.find("a1").orElseThrow()).usingRecursiveComparison().ignoringFields("outbox").isEqualTo(rich);
    }

    /** The stored document without what differs by nature between two profiles: id, type hint, pending events. */
    private Document stateOf(String id) {
        Document stored = mongo.template().getCollection("profiles").find(new Document("_id", id)).first();
        stored.remove("_id");
        stored.remove("_class");
        stored.remove("outbox");
        return stored;
    }
}
