package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.MeasurePublished.RequiredDocument;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where each document a measure requires stands, in words: the latest upload for it decides (a new upload replaces
 * a rejected one). MISSING: nothing uploaded; SUBMITTED: waiting for an officer; ACCEPTED; REJECTED with the
 * officer's reason.
 */
final class Requirements {

    private Requirements() {
    }

    enum State { MISSING, SUBMITTED, ACCEPTED, REJECTED }

    record RequirementView(String key, String name, State state, String reason, String documentId) {
    }

    static List<RequirementView> of(MeasurePublished measure, List<DocumentRecord> documents, Locale locale) {
        return measure.documents().stream().map(required -> of(required, documents, locale)).toList();
    }

    private static RequirementView of(RequiredDocument required, List<DocumentRecord> documents, Locale locale) {
        String name = required.name().in(locale);
        return latest(required.key(), documents)
                .map(document -> new RequirementView(required.key(), name, state(document),
                        document.status() == DocumentRecord.Status.REJECTED && document.review() != null
                                ? document.review().reason() : null,
                        document.id()))
                .orElse(new RequirementView(required.key(), name, State.MISSING, null, null));
    }

    /** The required documents still MISSING or REJECTED among {@code documents}. */
    static List<MissingDocument> outstanding(MeasurePublished measure, List<DocumentRecord> documents, Locale locale) {
        return of(measure, documents, locale).stream()
                .filter(view -> view.state() == State.MISSING || view.state() == State.REJECTED)
                .map(view -> new MissingDocument(view.key(), view.name())).toList();
    }

    static Optional<DocumentRecord> latest(String key, List<DocumentRecord> documents) {
        return documents.stream().filter(document -> key.equals(document.requirement()))
                .max(Comparator.comparing(DocumentRecord::uploadedAt));
    }

    private static State state(DocumentRecord document) {
        return switch (document.status()) {
            case SUBMITTED -> State.SUBMITTED;
            case ACCEPTED -> State.ACCEPTED;
            case REJECTED -> State.REJECTED;
        };
    }
}
