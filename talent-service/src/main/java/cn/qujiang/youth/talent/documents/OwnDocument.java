package cn.qujiang.youth.talent.documents;

import java.time.Instant;
import java.util.List;

/**
 * A document as its owner sees it: the name they gave it, what it proves, its type as detected, the stored size,
 * where it stands and, when rejected, the officer's reason; the applications it is attached to.
 */
public record OwnDocument(String id, String fileName, String requirement, String contentType, long size,
        String status, String reason, Instant uploadedAt, List<String> applicationIds) {

    static OwnDocument of(DocumentRecord document, String fileName) {
        return new OwnDocument(document.id(), fileName, document.requirement(), document.type().mediaType(),
                document.size(), document.status().name(),
                document.review() == null ? null : document.review().reason(), document.uploadedAt(),
                document.applicationIds());
    }
}
