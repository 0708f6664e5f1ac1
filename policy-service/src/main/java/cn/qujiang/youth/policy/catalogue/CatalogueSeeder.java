package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Actor;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.PublishedVersion;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Loads the seed catalogue once: every seed measure whose code is not in MongoDB yet becomes its published version 1,
 * with its MeasurePublished event. Afterwards MongoDB is the truth; a restart adds nothing and changes nothing.
 * Runs before the Kafka listeners start, so the first profile event already meets a catalogue.
 */
@Component
class CatalogueSeeder implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);

    private final MongoTemplate mongo;
    private final ActiveCatalogue catalogue;
    private final CatalogueRevisions revisions;
    private final OutboxRelay relay;
    private final Clock clock;

    CatalogueSeeder(MongoTemplate mongo, ActiveCatalogue catalogue, CatalogueRevisions revisions, OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.revisions = revisions;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed(CatalogueSeed.load());
    }

    /** Returns how many measures were added. */
    int seed(List<MeasureDefinition> seed) {
        Query ids = new Query();
        ids.fields().include("_id");
        Set<String> present = mongo.find(ids, Document.class, MeasureDocument.COLLECTION).stream()
                .map(document -> document.getString("_id")).collect(Collectors.toSet());
        int added = 0;
        for (MeasureDefinition definition : seed) {
            if (!present.contains(definition.code()) && insert(definition.withVersion(1))) {
                added++;
            }
        }
        if (added > 0) {
            log.info("seeded {} measures of the sample catalogue", added);
        }
        catalogue.refresh();
        return added;
    }

    private boolean insert(MeasureDefinition first) {
        catalogue.compiled(first);
        Instant now = clock.instant();
        PublishedVersion version = new PublishedVersion(1, first, now, Actor.SEED, Actor.SEED, Actor.SEED);
        try {
            mongo.insert(MeasureDocument.seeded(version, revisions.next(),
                    CatalogueEvents.published(first, MeasurePublished.Status.ACTIVE, now)));
        } catch (DuplicateKeyException e) {
            return false; // another instance seeded it first
        }
        relay.wake(MeasureDocument.COLLECTION, first.code());
        return true;
    }
}
