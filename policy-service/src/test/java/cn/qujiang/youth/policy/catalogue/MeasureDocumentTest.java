package cn.qujiang.youth.policy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Actor;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Draft;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.HistoryEntry;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.HistoryEntry.Action;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.PublishedVersion;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MeasureDocumentTest {
    private static final Actor ADMIN1 = new Actor("id-1", "admin1");
    private static final Actor ADMIN2 = new Actor("id-2", "admin2");
    private static final Actor ADMIN3 = new Actor("id-3", "admin3");
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final MeasureDefinition STATION = CatalogueSeed.load().get(0);

    @Test
    void everyoneWhoEditedADraftCountsAsItsAuthor() {
        Draft draft = Draft.first(STATION, ADMIN1, NOW).edited(STATION, ADMIN2, NOW);

        assertThat(draft.revision()).isEqualTo(2);
        assertThat(draft.editedBy(ADMIN1)).isTrue();
        assertThat(draft.editedBy(ADMIN2)).isTrue();
        assertThat(draft.editedBy(ADMIN3)).isFalse();
        assertThat(draft.edited(STATION, ADMIN1, NOW).editors()).containsExactly(ADMIN1, ADMIN2);
    }

    @Test
    void anEditWithdrawsTheApproval() {
        Draft approved = Draft.first(STATION, ADMIN1, NOW).approved(ADMIN2, NOW);
        assertThat(approved.isApproved()).isTrue();

        Draft edited = approved.edited(STATION, ADMIN1, NOW);

        assertThat(edited.isApproved()).isFalse();
        assertThat(edited.revision()).isEqualTo(2);
    }

    @Test
    void publishingAppendsAVersionAndKeepsTheEarlierOnesUntouched() {
        MeasureDefinition v1 = STATION.withVersion(1);
        MeasureDocument seeded = MeasureDocument.seeded(
                new PublishedVersion(1, v1, NOW, Actor.SEED, Actor.SEED, Actor.SEED), 1,
                CatalogueEvents.published(v1, MeasurePublished.Status.ACTIVE, NOW));
        MeasureDefinition v2 = STATION.withVersion(2);

        MeasureDocument published = seeded.withDraft(Draft.first(STATION, ADMIN1, NOW),
                        HistoryEntry.of(Action.DRAFT_SAVED, 1, ADMIN1, NOW))
                .published(new PublishedVersion(2, v2, NOW, ADMIN1, ADMIN2, ADMIN1), 7,
                        HistoryEntry.of(Action.PUBLISHED, 2, ADMIN1, NOW),
                        CatalogueEvents.published(v2, MeasurePublished.Status.ACTIVE, NOW));

        assertThat(published.currentVersion()).isEqualTo(2);
        assertThat(published.revision()).isEqualTo(7);
        assertThat(published.draft()).isNull();
        assertThat(published.versions()).extracting(PublishedVersion::version).containsExactly(1, 2);
        assertThat(published.version(1).orElseThrow().definition()).isSameAs(v1);
        assertThat(published.outbox()).hasSize(2);
        assertThat(seeded.versions()).hasSize(1);
    }

    @Test
    void retiringKeepsTheVersionAndAnnouncesItRetired() {
        MeasureDefinition v1 = STATION.withVersion(1);
        MeasureDocument seeded = MeasureDocument.seeded(
                new PublishedVersion(1, v1, NOW, Actor.SEED, Actor.SEED, Actor.SEED), 1,
                CatalogueEvents.published(v1, MeasurePublished.Status.ACTIVE, NOW));

        MeasureDocument retired = seeded.retired(2, HistoryEntry.of(Action.RETIRED, 1, ADMIN1, NOW),
                CatalogueEvents.published(v1, MeasurePublished.Status.RETIRED, NOW));

        assertThat(retired.status()).isEqualTo(MeasureDocument.Status.RETIRED);
        assertThat(retired.currentVersion()).isEqualTo(1);
        assertThat(retired.revision()).isEqualTo(2);
        assertThat(retired.outbox().get(1).payload()).contains("\"status\":\"RETIRED\"");
        assertThat(retired.outbox().get(1).key()).isEqualTo(STATION.code());
    }
}
