package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.crypto.FieldCipher;
import cn.qujiang.youth.talent.documents.Requirements.RequirementView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Proof documents: the resident uploads them to the profile or to an open application, submission attaches the
 * ones a measure requires, officers read and judge them (every read recorded). Logs name documents by id, type and
 * size only: never the file's name or content.
 */
@Service
public class DocumentService {
    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final Pattern REQUIREMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    /** Anything else a resident wants to add to an application. */
    static final String OTHER = "other";

    private final DocumentStore store;
    private final DocumentSlots slots;
    private final FileInspector inspector;
    private final ImageRewriter images;
    private final HeifMetadata heif;
    private final FieldCipher cipher;
    private final CatalogueReplica catalogue;
    private final DocumentProperties properties;
    private final MongoTemplate mongo;
    private final Clock clock;

    DocumentService(DocumentStore store, DocumentSlots slots, FileInspector inspector, ImageRewriter images, HeifMetadata heif,
            FieldCipher cipher,
            CatalogueReplica catalogue, DocumentProperties properties, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.inspector = inspector;
        this.images = images;
        this.heif = heif;
        this.cipher = cipher;
        this.catalogue = catalogue;
        this.properties = properties;
        this.mongo = mongo;
        this.clock = clock;
    }

    // ---- the application feature's questions -------------------------------------------------------------------

    /** The measure's documents the applicant has no usable upload for (a rejected one does not count). */
    public List<MissingDocument> outstandingBeforeSubmission(String applicantId, MeasurePublished measure) {
        return Requirements.outstanding(measure, store.listOwn(applicantId), LocaleContextHolder.getLocale());
    }

    /** The measure's documents still missing or rejected on an application (resubmission). */
    public List<MissingDocument> outstandingOn(String applicationId, MeasurePublished measure) {
        return Requirements.outstanding(measure, store.listAttached(applicationId), LocaleContextHolder.getLocale());
    }

    /**
     * Attaches the applicant's latest upload of each required document to a new application. Called before the
     * application is written, so a crash leaves at most an attachment to an application that never existed, which
     * the sweep disregards.
     */
    public void attachForSubmission(String applicantId, String applicationId, MeasurePublished measure) {
        List<DocumentRecord> own = store.listOwn(applicantId);
        List<String> ids = measure.documents().stream()
                .map(required -> Requirements.latest(required.key(), own))
                .flatMap(Optional::stream)
                .filter(document -> document.status() != DocumentRecord.Status.REJECTED)
                .map(DocumentRecord::id).toList();
        store.attach(ids, applicationId);
    }

    // ---- the resident ------------------------------------------------------------------------------------------

    DocumentRecord upload(String applicantId, String applicationId, String requirement, Upload upload) {
        if (requirement == null || !REQUIREMENT.matcher(requirement).matches()) {
            throw fieldError("requirement", "talent.document.requirement");
        }
        if (applicationId != null) {
            ApplicationRef application = ownApplication(applicantId, applicationId);
            if (!application.takesDocuments()) {
                throw new ApiException(HttpStatus.CONFLICT, "DOCUMENTS_CLOSED");
            }
            boolean asked = OTHER.equals(requirement) || catalogue.find(application.measureCode())
                    .map(measure -> measure.documents().stream().anyMatch(d -> d.key().equals(requirement)))
                    .orElse(false);
            if (!asked) {
                throw fieldError("requirement", "talent.document.requirementNotAsked");
            }
        }
        DocumentType type = inspector.inspect(upload);
        String id = UUID.randomUUID().toString();
        if (applicationId != null && !slots.take(applicationId, applicantId, id, properties.maxPerApplication(),
                ServiceZone.now(clock))) {
            throw new ApiException(HttpStatus.CONFLICT, "DOCUMENT_LIMIT", properties.maxPerApplication());
        }
        DocumentRecord stored;
        try {
            stored = store(applicantId, applicationId, requirement, upload, type, id);
        } catch (RuntimeException e) {
            if (applicationId != null) {
                slots.giveBack(applicationId, id);
            }
            throw e;
        }
        if (applicationId != null) {
            slots.stored(applicationId, id);
        }
        return stored;
    }

    private DocumentRecord store(String applicantId, String applicationId, String requirement, Upload upload,
            DocumentType type, String id) {
        DocumentStore.StoredFile stored = store.write(applicantId, id, out -> copyContent(upload, type, out));
        String context = DocumentRecord.context(applicantId, id);
        DocumentRecord document = new DocumentRecord(id, applicantId,
                applicationId == null ? List.of() : List.of(applicationId), requirement, type, stored.size(),
                cipher.seal(upload.declaredName(), context + ":name"), stored.fileId(), stored.seal(),
                DocumentRecord.Status.SUBMITTED, null, ServiceZone.now(clock));
        try {
            store.insert(document);
        } catch (RuntimeException e) {
            store.deleteFile(stored.fileId());
            throw e;
        }
        log.info("document {} stored: {} {} bytes", id, type, stored.size());
        return document;
    }

    private void copyContent(Upload upload, DocumentType type, OutputStream out) throws IOException {
        switch (type) {
            case JPEG, PNG -> images.rewrite(upload.file(), type, out);
            // no HEIF decoder to re-encode it: its metadata items are blanked in the container instead
            case HEIC -> heif.strip(upload.file(), out);
            // PDFs were checked whole
            case PDF -> Files.copy(upload.file(), out);
        }
    }

    List<DocumentRecord> listOwn(String applicantId) {
        return store.listOwn(applicantId);
    }

    DocumentRecord own(String applicantId, String documentId) {
        return store.findOwn(documentId, applicantId).orElseThrow(() -> ApiException.notFound("document"));
    }

    /** The resident's own name for the file. */
    String nameOf(DocumentRecord document) {
        return cipher.open(document.name(), DocumentRecord.context(document.applicantId(), document.id()) + ":name");
    }

    /** Removes an upload no application uses yet (409 DOCUMENT_IN_USE otherwise: officers may be reading it). */
    void deleteOwn(String applicantId, String documentId) {
        DocumentRecord document = own(applicantId, documentId);
        if (!document.applicationIds().isEmpty()
                && !store.existingApplications(document.applicationIds()).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "DOCUMENT_IN_USE");
        }
        store.delete(document);
    }

    /** Before applying: where each document the measure asks for stands, and the uploads that count. */
    ApplicationDocuments forMeasure(String applicantId, String measureCode, Locale locale) {
        MeasurePublished measure = catalogue.find(measureCode).orElseThrow(() -> ApiException.notFound("measure"));
        List<DocumentRecord> own = store.listOwn(applicantId);
        List<DocumentRecord> relevant = own.stream()
                .filter(d -> measure.documents().stream().anyMatch(r -> r.key().equals(d.requirement()))).toList();
        return new ApplicationDocuments(measure.allowsDocumentsLater(), Requirements.of(measure, own, locale),
                relevant, List.of());
    }

    record ApplicationDocuments(boolean documentsLater, List<RequirementView> requirements,
            List<DocumentRecord> documents, List<DocumentView> views) {
    }

    ApplicationDocuments forOwnApplication(String applicantId, String applicationId, Locale locale) {
        return forApplication(ownApplication(applicantId, applicationId), locale, false);
    }

    // ---- officers ----------------------------------------------------------------------------------------------

    ApplicationDocuments forReview(String applicationId, Locale locale) {
        return forApplication(application(applicationId), locale, true);
    }

    /** The document, if attached to the application; the view is recorded before a byte is served. */
    DocumentRecord openForOfficer(String applicationId, String documentId, String officer, String officerName) {
        ApplicationRef application = application(applicationId);
        DocumentRecord document = attached(application, documentId);
        store.recordView(new DocumentView(UUID.randomUUID().toString(), applicationId, application.applicantId(),
                documentId, officer, officerName, ServiceZone.now(clock)));
        return document;
    }

    DocumentRecord review(String applicationId, String documentId, boolean accept, String reason, String officer,
            String officerName) {
        DocumentRecord document = attached(application(applicationId), documentId);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!accept && why == null) {
            throw fieldError("reason", "talent.document.reasonRequired");
        }
        DocumentRecord.Review review = new DocumentRecord.Review(officer, officerName, ServiceZone.now(clock), why);
        store.review(documentId, accept ? DocumentRecord.Status.ACCEPTED : DocumentRecord.Status.REJECTED, review);
        return store.find(documentId).orElseThrow(() -> ApiException.notFound("document"));
    }

    InputStream content(DocumentRecord document) {
        return store.read(document);
    }

    // ---- the applicant's rights --------------------------------------------------------------------------------

    /** Erasure: every record, view, file entry and chunk of the applicant. */
    public void eraseAllOf(String applicantId) {
        store.deleteAllOf(applicantId);
        slots.deleteAllOf(applicantId);
    }

    /** Every file of the applicant, decrypted, into the export archive under {@code documents/}. */
    public void exportInto(ZipOutputStream zip, String applicantId) throws IOException {
        for (DocumentRecord document : store.listOwn(applicantId)) {
            zip.putNextEntry(new ZipEntry("documents/" + downloadName(document)));
            try (InputStream in = store.read(document)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
    }

    /** What the applicant's export lists about each document (the files themselves are in the archive). */
    public List<OwnDocument> exportList(String applicantId) {
        return store.listOwn(applicantId).stream().map(document -> OwnDocument.of(document, nameOf(document)))
                .toList();
    }

    /** A download's name: what it proves and its id, never the resident's own file name. */
    static String downloadName(DocumentRecord document) {
        return document.requirement() + "-" + document.id().substring(0, 8) + "." + document.type().extension();
    }

    private ApplicationDocuments forApplication(ApplicationRef application, Locale locale, boolean withViews) {
        List<DocumentRecord> documents = store.listAttached(application.id());
        Optional<MeasurePublished> measure = catalogue.find(application.measureCode());
        return new ApplicationDocuments(measure.map(MeasurePublished::allowsDocumentsLater).orElse(false),
                measure.map(m -> Requirements.of(m, documents, locale)).orElse(List.of()), documents,
                withViews ? store.views(application.id()) : List.of());
    }

    private DocumentRecord attached(ApplicationRef application, String documentId) {
        return store.find(documentId).filter(document -> document.applicationIds().contains(application.id()))
                .orElseThrow(() -> ApiException.notFound("document"));
    }

    private ApplicationRef ownApplication(String applicantId, String applicationId) {
        return Optional.ofNullable(mongo.findById(applicationId, ApplicationRef.class, ApplicationRef.COLLECTION))
                .filter(application -> applicantId.equals(application.applicantId()))
                .orElseThrow(() -> ApiException.notFound("application"));
    }

    private ApplicationRef application(String applicationId) {
        return Optional.ofNullable(mongo.findById(applicationId, ApplicationRef.class, ApplicationRef.COLLECTION))
                .orElseThrow(() -> ApiException.notFound("application"));
    }

    private static DocumentFieldError fieldError(String field, String messageKey) {
        return new DocumentFieldError(field, messageKey);
    }

    /** 400 VALIDATION_FAILED naming {@code field}, its message looked up in the caller's language. */
    static final class DocumentFieldError extends RuntimeException {
        private final String field;
        private final String messageKey;

        DocumentFieldError(String field, String messageKey) {
            super(field);
            this.field = field;
            this.messageKey = messageKey;
        }

        String field() {
            return field;
        }

        String messageKey() {
            return messageKey;
        }
    }
}
