package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One measure as an aggregate: its published versions (append-only, never changed once written), the draft being
 * prepared, an audit log and the MeasurePublished events waiting for the relay. Keeping them in one document makes
 * every step of the four-eyes workflow a single write, event included. {@code lock} is Spring Data's optimistic
 * version: two officers saving at once cannot both win. {@code revision} is the catalogue revision of this measure's
 * last publish or retirement; the highest one over all measures is the revision every applicant is matched against.
 */
@Document(MeasureDocument.COLLECTION)
record MeasureDocument(
        @Id String code,
        @Version Long lock,
        Status status,
        int currentVersion,
        long revision,
        List<PublishedVersion> versions,
        Draft draft,
        List<HistoryEntry> history,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "measures";

    /** UNPUBLISHED: only a first draft exists. */
    enum Status { UNPUBLISHED, ACTIVE, RETIRED }

    MeasureDocument {
        versions = versions == null ? List.of() : List.copyOf(versions);
        history = history == null ? List.of() : List.copyOf(history);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    static MeasureDocument firstDraft(Draft draft) {
        return new MeasureDocument(draft.definition().code(), null, Status.UNPUBLISHED, 0, 0, List.of(), draft,
                List.of(HistoryEntry.of(HistoryEntry.Action.DRAFT_SAVED, 0, draft.savedBy(), draft.savedAt())),
                List.of());
    }

    static MeasureDocument seeded(PublishedVersion first, long revision, OutboxEntry event) {
        return new MeasureDocument(first.definition().code(), null, Status.ACTIVE, first.version(), revision,
                List.of(first), null,
                List.of(HistoryEntry.of(HistoryEntry.Action.SEEDED, first.version(), first.publishedBy(),
                        first.publishedAt())),
                List.of(event));
    }

    Optional<PublishedVersion> current() {
        return version(currentVersion);
    }

    Optional<PublishedVersion> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    MeasureDocument withDraft(Draft newDraft, HistoryEntry entry) {
        return new MeasureDocument(code, lock, status, currentVersion, revision, versions, newDraft,
                append(history, entry), outbox);
    }

    MeasureDocument published(PublishedVersion version, long newRevision, HistoryEntry entry, OutboxEntry event) {
        return new MeasureDocument(code, lock, Status.ACTIVE, version.version(), newRevision,
                append(versions, version), null, append(history, entry), append(outbox, event));
    }

    MeasureDocument retired(long newRevision, HistoryEntry entry, OutboxEntry event) {
        return new MeasureDocument(code, lock, Status.RETIRED, currentVersion, newRevision, versions, draft,
                append(history, entry), append(outbox, event));
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    /** A published version; its definition carries the version number. */
    record PublishedVersion(int version, MeasureDefinition definition, Instant publishedAt, Actor draftedBy,
            Actor approvedBy, Actor publishedBy) {
    }

    /**
     * The draft of the next version. {@code revision} counts its saves (the client echoes it to prove it edits what
     * it has read); {@code editors} are everyone who saved it, none of whom may approve it.
     */
    record Draft(long revision, MeasureDefinition definition, List<Actor> editors, Actor savedBy, Instant savedAt,
            Actor approvedBy, Instant approvedAt) {

        Draft {
            editors = editors == null ? List.of() : List.copyOf(editors);
        }

        static Draft first(MeasureDefinition definition, Actor author, Instant at) {
            return new Draft(1, definition, List.of(author), author, at, null, null);
        }

        Draft edited(MeasureDefinition newDefinition, Actor editor, Instant at) {
            List<Actor> allEditors = editors.stream().anyMatch(e -> e.id().equals(editor.id()))
                    ? editors : append(editors, editor);
            return new Draft(revision + 1, newDefinition, allEditors, editor, at, null, null);
        }

        Draft approved(Actor approver, Instant at) {
            return new Draft(revision, definition, editors, savedBy, savedAt, approver, at);
        }

        boolean isApproved() {
            return approvedBy != null;
        }

        boolean editedBy(Actor actor) {
            return editors.stream().anyMatch(e -> e.id().equals(actor.id()));
        }
    }

    /** A policy admin: the Keycloak subject (what the four-eyes rule compares) and the login name shown to people. */
    record Actor(String id, String username) {
        static final Actor SEED = new Actor("seed", "seed");
    }

    record HistoryEntry(Action action, int version, Actor by, Instant at) {
        enum Action { SEEDED, DRAFT_SAVED, DRAFT_DISCARDED, APPROVED, PUBLISHED, RETIRED }

        static HistoryEntry of(Action action, int version, Actor by, Instant at) {
            return new HistoryEntry(action, version, by, at);
        }
    }
}
