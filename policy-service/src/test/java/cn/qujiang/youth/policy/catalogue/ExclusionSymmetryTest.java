package cn.qujiang.youth.policy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Actor;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Draft;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.HistoryEntry;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.HistoryEntry.Action;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.PublishedVersion;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.Exclusions.OneSided;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class ExclusionSymmetryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final Actor ADMIN = new Actor("id-1", "admin1");
    private static final Map<String, MeasureDefinition> SEED = CatalogueSeed.load().stream()
            .collect(Collectors.toMap(MeasureDefinition::code, Function.identity()));

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private MongoTemplate mongo;
    private ExclusionSymmetry symmetry;

    @BeforeEach
    void seed() {
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "policy");
        SEED.values().forEach(measure -> mongo.insert(MeasureDocument.seeded(published(measure.withVersion(1)), 1,
                CatalogueEvents.published(measure, MeasurePublished.Status.ACTIVE, NOW))));
        symmetry = new ExclusionSymmetry(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void droppingOneHalfOfAPairIsRefusedAndNamesThePair() {
        MeasureDefinition rentWithoutApartment = withExcludes("QJY-17");

        assertThat(symmetry.oneSided(rentWithoutApartment)).containsExactly(new OneSided("QJY-16", "QJY-17"));
        assertThatThrownBy(() -> symmetry.requireSymmetric(rentWithoutApartment))
                .isInstanceOfSatisfying(ExclusionSymmetry.OneSidedExclusionException.class,
                        e -> assertThat(e.pairs()).containsExactly(new OneSided("QJY-16", "QJY-17")));
        assertThatCode(() -> symmetry.requireSymmetric(SEED.get("QJY-17"))).doesNotThrowAnyException();
    }

    @Test
    void aNewPairPassesOnceBothDraftsSayIt() {
        MeasureDefinition station = withExcludes("QJY-01", "QJY-06");
        assertThatThrownBy(() -> symmetry.requireSymmetric(station))
                .isInstanceOf(ExclusionSymmetry.OneSidedExclusionException.class);

        saveDraft(withExcludes("QJY-06", "QJY-01"));

        assertThat(symmetry.oneSided(station)).isEmpty();
        assertThatCode(() -> symmetry.requireSymmetric(station)).doesNotThrowAnyException();
    }

    @Test
    void excludingAMeasureThatDoesNotExistIsOneSided() {
        assertThat(symmetry.oneSided(withExcludes("QJY-01", "QJY-99")))
                .containsExactly(new OneSided("QJY-01", "QJY-99"));
    }

    @Test
    void theDraftThatSettlesAHalfPublishedPairCannotBeDiscarded() {
        MeasureDefinition coaching = withExcludes("QJY-06", "QJY-01");
        saveDraft(coaching);
        publish(withExcludes("QJY-01", "QJY-06"));

        assertThatThrownBy(() -> symmetry.requireDiscardable(coaching))
                .isInstanceOfSatisfying(ExclusionSymmetry.OneSidedExclusionException.class,
                        e -> assertThat(e.pairs()).containsExactly(new OneSided("QJY-01", "QJY-06")));
        assertThatCode(() -> symmetry.requireDiscardable(SEED.get("QJY-30"))).doesNotThrowAnyException();
    }

    private static MeasureDefinition withExcludes(String code, String... excludes) {
        MeasureDefinition m = SEED.get(code);
        return new MeasureDefinition(m.code(), 0, m.title(), m.summary(), m.category(), m.department(), m.mode(),
                m.window(), m.quota(), List.of(excludes), m.responseWorkingDays(), m.benefit(), m.grant(),
                m.criteria(), m.documents(), m.examples());
    }

    private void saveDraft(MeasureDefinition draft) {
        MeasureDocument document = mongo.findById(draft.code(), MeasureDocument.class);
        mongo.save(document.withDraft(Draft.first(draft, ADMIN, NOW),
                HistoryEntry.of(Action.DRAFT_SAVED, document.currentVersion(), ADMIN, NOW)));
    }

    private void publish(MeasureDefinition definition) {
        MeasureDocument document = mongo.findById(definition.code(), MeasureDocument.class);
        MeasureDefinition next = definition.withVersion(document.currentVersion() + 1);
        mongo.save(document.published(published(next), 2, HistoryEntry.of(Action.PUBLISHED, next.version(), ADMIN,
                NOW), CatalogueEvents.published(next, MeasurePublished.Status.ACTIVE, NOW)));
    }

    private static PublishedVersion published(MeasureDefinition definition) {
        return new PublishedVersion(definition.version(), definition, NOW, ADMIN, ADMIN, ADMIN);
    }
}
