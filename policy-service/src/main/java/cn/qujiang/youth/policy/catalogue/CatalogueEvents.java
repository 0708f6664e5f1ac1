package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.time.Instant;

/** The event-carried state of a measure version on the compacted catalogue topic (key = measure code). */
final class CatalogueEvents {

    private CatalogueEvents() {
    }

    static OutboxEntry published(MeasureDefinition definition, MeasurePublished.Status status, Instant at) {
        MeasureDefinition.Window window = definition.window();
        MeasureDefinition.Benefit benefit = definition.benefit();
        MeasurePublished event = new MeasurePublished(definition.code(), definition.version(), status,
                definition.title(), definition.category(), MeasurePublished.Mode.valueOf(definition.mode()),
                window == null ? null : window.opens(), window == null ? null : window.closes(),
                definition.quota(), definition.excludes(), benefit == null ? null : benefit.kind(),
                benefit == null ? null : benefit.unit(), definition.responseWorkingDays(), at,
                definition.criteria().stream()
                        .map(c -> new MeasurePublished.Criterion(c.id(), c.label(), c.hint())).toList(),
                definition.grantTerm(),
                definition.documents().stream().map(MeasurePublished.RequiredDocument::named).toList(),
                definition.documentsLater());
        return OutboxEntry.of(event, definition.code(), at);
    }
}
