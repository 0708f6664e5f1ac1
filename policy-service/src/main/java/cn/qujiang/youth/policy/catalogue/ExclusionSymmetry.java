package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.policy.engine.catalogue.Exclusions;
import cn.qujiang.youth.policy.engine.catalogue.Exclusions.OneSided;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps "cannot be combined" written on both sides of every pair. A pair is set (or dropped) by two drafts, one per
 * measure, so saving a draft is free and its view lists what is still one-sided; approving and publishing a draft
 * are refused while it would leave a one-sided exclusion in the catalogue as intended: every other measure as its
 * own draft would make it, or as last published (retired measures included: people may still hold them). Between
 * the two publishes of a pair the published catalogue is one-sided for a moment, so discarding the draft that
 * settles a pair whose other half is already published is refused too.
 */
@Component
class ExclusionSymmetry {
    private final MongoTemplate mongo;

    ExclusionSymmetry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The one-sided exclusions {@code draft} takes part in, against the catalogue as intended. */
    List<OneSided> oneSided(MeasureDefinition draft) {
        Map<String, MeasureDefinition> intended = catalogue(ExclusionSymmetry::intended);
        intended.put(draft.code(), draft);
        return Exclusions.oneSidedInvolving(draft.code(), intended.values());
    }

    /** Before approving or publishing: refused while {@link #oneSided} finds anything. */
    void requireSymmetric(MeasureDefinition draft) {
        List<OneSided> pairs = oneSided(draft);
        if (!pairs.isEmpty()) {
            throw new OneSidedExclusionException(pairs);
        }
    }

    /** Before discarding {@code draft}: refused when it settles a pair that the published catalogue leaves one-sided. */
    void requireDiscardable(MeasureDefinition draft) {
        Map<String, MeasureDefinition> published = catalogue(document -> document.current()
                .map(MeasureDocument.PublishedVersion::definition));
        List<OneSided> withoutDraft = Exclusions.oneSidedInvolving(draft.code(), published.values());
        published.put(draft.code(), draft);
        List<OneSided> settled = new ArrayList<>(withoutDraft);
        settled.removeAll(Exclusions.oneSidedInvolving(draft.code(), published.values()));
        if (!settled.isEmpty()) {
            throw new OneSidedExclusionException(settled);
        }
    }

    private static Optional<MeasureDefinition> intended(MeasureDocument document) {
        return document.draft() != null ? Optional.of(document.draft().definition())
                : document.current().map(MeasureDocument.PublishedVersion::definition);
    }

    private Map<String, MeasureDefinition> catalogue(Function<MeasureDocument, Optional<MeasureDefinition>> view) {
        Query query = new Query();
        query.fields().exclude("outbox", "history");
        Map<String, MeasureDefinition> byCode = new LinkedHashMap<>();
        for (MeasureDocument document : mongo.find(query, MeasureDocument.class)) {
            view.apply(document).ifPresent(definition -> byCode.put(document.code(), definition));
        }
        return byCode;
    }

    /** Exclusions the other side does not repeat: {@code measure} excludes {@code excluded}, not the reverse. */
    static class OneSidedExclusionException extends RuntimeException {
        private final List<OneSided> pairs;

        OneSidedExclusionException(List<OneSided> pairs) {
            super(pairs.size() + " one-sided exclusions");
            this.pairs = List.copyOf(pairs);
        }

        List<OneSided> pairs() {
            return pairs;
        }
    }
}
