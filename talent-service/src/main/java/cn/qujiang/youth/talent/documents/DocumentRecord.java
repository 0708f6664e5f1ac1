package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.talent.crypto.FileSeal;
import cn.qujiang.youth.talent.crypto.Sealed;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One uploaded proof document. The content is in GridFS ({@code fileId}), encrypted with the profile's keys
 * ({@code seal} names the key, for rotation); the file name the resident gave is personal data and sealed too.
 * {@code requirement} is the key of the catalogue document it proves; {@code applicationIds} the applications it is
 * attached to (none: uploaded to the profile, removed by the sweep after 30 days); {@code review} the officer's
 * verdict, the same for every application it serves.
 */
@Document(DocumentRecord.COLLECTION)
record DocumentRecord(
        @Id String id,
        @Indexed String applicantId,
        @Indexed List<String> applicationIds,
        String requirement,
        DocumentType type,
        long size,
        Sealed name,
        ObjectId fileId,
        FileSeal seal,
        Status status,
        Review review,
        Instant uploadedAt) {

    static final String COLLECTION = "documents";

    enum Status { SUBMITTED, ACCEPTED, REJECTED }

    /** The officer's verdict: who (subject, user name), when, and for a rejection why (the resident reads it). */
    record Review(String by, String byName, Instant at, String reason) {
    }

    DocumentRecord {
        applicationIds = applicationIds == null ? List.of() : List.copyOf(applicationIds);
    }

    static String context(String applicantId, String documentId) {
        return "document:" + applicantId + ":" + documentId;
    }
}
