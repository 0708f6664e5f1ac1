package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Draft;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import cn.qujiang.youth.policy.engine.eligibility.RuleCompilationException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Saved drafts for the features that evaluate them before publishing (the impact preview). A draft revision never
 * changes once saved, so each one is compiled once, as published versions are in {@link ActiveCatalogue}.
 */
@Component
public class Drafts {
    private final MongoTemplate mongo;
    private final EligibilityEngine engine;
    private final Map<String, DraftUnderReview> compiled = new ConcurrentHashMap<>();

    Drafts(MongoTemplate mongo, EligibilityEngine engine) {
        this.mongo = mongo;
        this.engine = engine;
    }

    /** The current draft of {@code code}, compiled as its next version; 404 without a measure or a draft. */
    public DraftUnderReview current(String code) {
        Query query = Query.query(Criteria.where("_id").is(code));
        query.fields().exclude("versions", "history", "outbox");
        MeasureDocument document = mongo.findOne(query, MeasureDocument.class);
        if (document == null || document.draft() == null) {
            throw ApiException.notFound("draft");
        }
        Draft draft = document.draft();
        int next = document.currentVersion() + 1;
        DraftUnderReview known = compiled.get(code);
        if (known != null && known.revision() == draft.revision() && known.savedAt().equals(draft.savedAt())
                && known.currentVersion() == document.currentVersion()) {
            return known;
        }
        // Compiled as the next version, so that its results name the version they will after publishing.
        DraftUnderReview fresh = new DraftUnderReview(code, draft.revision(), draft.savedAt(),
                document.currentVersion(), compile(draft.definition().withVersion(next)));
        compiled.put(code, fresh);
        return fresh;
    }

    private CompiledMeasure compile(MeasureDefinition definition) {
        try {
            return engine.compile(definition);
        } catch (RuleCompilationException e) {
            // Saving refuses a draft whose rules do not compile; failing now means the engine changed under it.
            throw new IllegalStateException("draft " + e.getMessage(), e);
        }
    }
}
