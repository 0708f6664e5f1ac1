package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Actor;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.Draft;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.HistoryEntry;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.HistoryEntry.Action;
import cn.qujiang.youth.policy.catalogue.MeasureDocument.PublishedVersion;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The four-eyes workflow of a measure: a policy admin saves a draft (its rules must compile), another one approves
 * it, publishing turns it into an immutable version (only while all its examples agree with the rules) and retiring
 * stops new matches. Approving and publishing also need every exclusion the draft takes part in written on both
 * sides (see {@link ExclusionSymmetry}). Each step is one optimistic write of the measure document, its
 * MeasurePublished event included.
 */
@Service
class MeasureAdministration {
    private final MongoTemplate mongo;
    private final RuleChecks rules;
    private final ExclusionSymmetry exclusions;
    private final ActiveCatalogue catalogue;
    private final CatalogueRevisions revisions;
    private final OutboxRelay relay;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeasureAdministration(MongoTemplate mongo, RuleChecks rules, ExclusionSymmetry exclusions,
            ActiveCatalogue catalogue, CatalogueRevisions revisions, OutboxRelay relay,
            ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.exclusions = exclusions;
        this.catalogue = catalogue;
        this.revisions = revisions;
        this.relay = relay;
        this.events = events;
        this.clock = clock;
    }

    List<MeasureDocument> all() {
        return mongo.findAll(MeasureDocument.class);
    }

    MeasureDocument get(String code) {
        MeasureDocument document = mongo.findById(code, MeasureDocument.class);
        if (document == null) {
            throw ApiException.notFound("measure");
        }
        return document;
    }

    /** Starts the draft of a new measure or of the next version of an existing one. */
    MeasureDocument startDraft(MeasureDefinition definition, Actor author) {
        MeasureDefinition checked = rules.checkDraft(definition);
        Instant now = clock.instant();
        MeasureDocument existing = mongo.findById(checked.code(), MeasureDocument.class);
        if (existing == null) {
            return mongo.insert(MeasureDocument.firstDraft(Draft.first(checked, author, now)));
        }
        if (existing.draft() != null) {
            throw ApiException.conflict("DRAFT_EXISTS");
        }
        return mongo.save(existing.withDraft(Draft.first(checked, author, now),
                HistoryEntry.of(Action.DRAFT_SAVED, existing.currentVersion(), author, now)));
    }

    /** Saves a new revision of the draft; {@code draftRevision} is the revision the editor has read. */
    MeasureDocument editDraft(String code, long draftRevision, MeasureDefinition definition, Actor editor) {
        if (!code.equals(definition.code())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "CODE_MISMATCH");
        }
        MeasureDocument document = get(code);
        Draft draft = currentDraft(document, draftRevision);
        MeasureDefinition checked = rules.checkDraft(definition);
        Instant now = clock.instant();
        return mongo.save(document.withDraft(draft.edited(checked, editor, now),
                HistoryEntry.of(Action.DRAFT_SAVED, document.currentVersion(), editor, now)));
    }

    MeasureDocument discardDraft(String code, long draftRevision, Actor by) {
        MeasureDocument document = get(code);
        exclusions.requireDiscardable(currentDraft(document, draftRevision).definition());
        if (document.status() == MeasureDocument.Status.UNPUBLISHED) {
            mongo.remove(document);
            return null;
        }
        return mongo.save(document.withDraft(null,
                HistoryEntry.of(Action.DRAFT_DISCARDED, document.currentVersion(), by, clock.instant())));
    }

    /** Approves the draft revision the approver has read; nobody who edited the draft may approve it. */
    MeasureDocument approve(String code, long draftRevision, Actor approver) {
        MeasureDocument document = get(code);
        Draft draft = currentDraft(document, draftRevision);
        if (draft.editedBy(approver)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "AUTHOR_CANNOT_APPROVE");
        }
        if (draft.isApproved()) {
            throw ApiException.conflict("ALREADY_APPROVED");
        }
        exclusions.requireSymmetric(draft.definition());
        Instant now = clock.instant();
        return mongo.save(document.withDraft(draft.approved(approver, now),
                HistoryEntry.of(Action.APPROVED, document.currentVersion(), approver, now)));
    }

    /** Turns the approved draft into the next immutable version and announces it. */
    MeasureDocument publish(String code, Actor publisher) {
        MeasureDocument document = get(code);
        Draft draft = document.draft();
        if (draft == null) {
            throw ApiException.conflict("NO_DRAFT");
        }
        if (!draft.isApproved()) {
            throw ApiException.conflict("DRAFT_NOT_APPROVED");
        }
        int number = document.currentVersion() + 1;
        MeasureDefinition definition = draft.definition().withVersion(number);
        rules.checkExamples(definition);
        exclusions.requireSymmetric(definition);
        catalogue.compiled(definition);
        Instant now = clock.instant();
        long revision = revisions.next();
        PublishedVersion version = new PublishedVersion(number, definition, now, draft.savedBy(), draft.approvedBy(),
                publisher);
        MeasureDocument published = mongo.save(document.published(version, revision,
                HistoryEntry.of(Action.PUBLISHED, number, publisher, now),
                CatalogueEvents.published(definition, MeasurePublished.Status.ACTIVE, now)));
        announce(published);
        return published;
    }

    /** Stops new matches: the measure leaves the active catalogue and replicas learn it is RETIRED. */
    MeasureDocument retire(String code, Actor by) {
        MeasureDocument document = get(code);
        if (document.status() != MeasureDocument.Status.ACTIVE) {
            throw ApiException.conflict("NOT_ACTIVE");
        }
        MeasureDefinition current = document.current().orElseThrow().definition();
        Instant now = clock.instant();
        OutboxEntry event = CatalogueEvents.published(current, MeasurePublished.Status.RETIRED, now);
        MeasureDocument retired = mongo.save(document.retired(revisions.next(),
                HistoryEntry.of(Action.RETIRED, document.currentVersion(), by, now), event));
        announce(retired);
        return retired;
    }

    private void announce(MeasureDocument changed) {
        relay.wake(MeasureDocument.COLLECTION, changed.code());
        catalogue.refresh();
        events.publishEvent(new CatalogueChanged(changed.code(), changed.revision()));
    }

    private static Draft currentDraft(MeasureDocument document, long draftRevision) {
        Draft draft = document.draft();
        if (draft == null) {
            throw ApiException.notFound("draft");
        }
        if (draft.revision() != draftRevision) {
            throw ApiException.conflict("STALE_VERSION");
        }
        return draft;
    }
}
