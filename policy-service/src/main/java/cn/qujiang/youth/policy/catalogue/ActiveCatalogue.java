package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import cn.qujiang.youth.policy.engine.eligibility.RuleCompilationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The published catalogue as the matcher needs it: the current version of every active measure, compiled. Published
 * versions never change, so each (code, version) is compiled once and kept; a refresh after a publish only compiles
 * the new version. Readers get an immutable snapshot, whose revision they record with the results it produced.
 */
@Component
public class ActiveCatalogue {
    private final MongoTemplate mongo;
    private final EligibilityEngine engine;
    private final Map<VersionKey, CompiledMeasure> compiled = new ConcurrentHashMap<>();
    private volatile CatalogueSnapshot snapshot;

    ActiveCatalogue(MongoTemplate mongo, EligibilityEngine engine) {
        this.mongo = mongo;
        this.engine = engine;
    }

    public CatalogueSnapshot current() {
        CatalogueSnapshot current = snapshot;
        return current != null ? current : refresh();
    }

    /** Reloads from MongoDB (the truth: another instance may have published) and returns the new snapshot. */
    public synchronized CatalogueSnapshot refresh() {
        Query query = new Query();
        query.fields().exclude("outbox", "history", "draft");
        List<MeasureDocument> documents = mongo.find(query, MeasureDocument.class);
        long revision = documents.stream().mapToLong(MeasureDocument::revision).max().orElse(0);
        List<CompiledMeasure> active = documents.stream()
                .filter(document -> document.status() == MeasureDocument.Status.ACTIVE)
                .map(document -> document.current().orElseThrow(() -> new IllegalStateException(
                        "measure " + document.code() + " has no version " + document.currentVersion())))
                .map(version -> compiled(version.definition()))
                .sorted(Comparator.comparing(CompiledMeasure::code))
                .toList();
        snapshot = new CatalogueSnapshot(revision, active);
        return snapshot;
    }

    /** A published version, current or not, compiled (stored results name the version that decided them). */
    public Optional<CompiledMeasure> version(String code, int version) {
        CompiledMeasure known = compiled.get(new VersionKey(code, version));
        if (known != null) {
            return Optional.of(known);
        }
        Query query = Query.query(Criteria.where("_id").is(code));
        query.fields().include("versions");
        return Optional.ofNullable(mongo.findOne(query, MeasureDocument.class))
                .flatMap(document -> document.version(version))
                .map(published -> compiled(published.definition()));
    }

    /** The compiled rules of a published version, compiled at most once per (code, version). */
    CompiledMeasure compiled(MeasureDefinition published) {
        return compiled.computeIfAbsent(new VersionKey(published.code(), published.version()), key -> {
            try {
                return engine.compile(published);
            } catch (RuleCompilationException e) {
                // Published versions compiled when they were drafted; failing now means the engine changed under them.
                throw new IllegalStateException("published " + e.getMessage(), e);
            }
        });
    }

    private record VersionKey(String code, int version) {
    }
}
