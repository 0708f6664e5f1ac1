package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.talent.crypto.FieldCipher;
import cn.qujiang.youth.talent.crypto.FileSeal;
import cn.qujiang.youth.talent.crypto.SealingOutputStream;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where documents live. There are no multi-document transactions, so every step is one atomic write in an order
 * that a crash leaves recoverable: the sealed chunks, then GridFS's file entry (both by the driver's upload
 * stream; a failed upload is aborted, which removes its chunks), then the document record, then attaching it to an
 * application. Whatever a crash leaves between those steps (a GridFS file without a record, a record attached to
 * nothing) is removed by {@link DocumentSweep}.
 */
@Component
class DocumentStore {
    private final MongoTemplate mongo;
    private final FieldCipher cipher;
    private volatile GridFSBucket bucket;

    DocumentStore(MongoTemplate mongo, FieldCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    /** The plain content, written by {@code content}, sealed into GridFS chunks as it is written. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    record StoredFile(ObjectId fileId, FileSeal seal, long size) {
    }

    StoredFile write(String applicantId, String documentId, Content content) {
        GridFSUploadOptions options = new GridFSUploadOptions().metadata(
                new org.bson.Document("applicantId", applicantId).append("documentId", documentId));
        // named by the document id: the resident's file name is personal data and stays sealed in the record
        GridFSUploadStream upload = bucket().openUploadStream(documentId, options);
        try {
            SealingOutputStream sealing = cipher.sealing(upload, DocumentRecord.context(applicantId, documentId));
            content.writeTo(sealing);
            sealing.close();
            return new StoredFile(upload.getObjectId(), sealing.seal(), sealing.plainBytes());
        } catch (IOException | RuntimeException e) {
            abort(upload);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The decrypted content, read segment by segment from GridFS. */
    InputStream read(DocumentRecord document) {
        return cipher.opening(bucket().openDownloadStream(document.fileId()), document.seal(),
                DocumentRecord.context(document.applicantId(), document.id()));
    }

    void deleteFile(ObjectId fileId) {
        try {
            bucket().delete(fileId);
        } catch (MongoGridFSException e) {
            // already gone (a sweep and an erasure met): deleting is idempotent
        }
    }

    void insert(DocumentRecord document) {
        mongo.insert(document);
    }

    Optional<DocumentRecord> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DocumentRecord.class));
    }

    Optional<DocumentRecord> findOwn(String id, String applicantId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("applicantId").is(applicantId)), DocumentRecord.class));
    }

    List<DocumentRecord> listOwn(String applicantId) {
        return mongo.find(Query.query(Criteria.where("applicantId").is(applicantId))
                .with(Sort.by("uploadedAt")), DocumentRecord.class);
    }

    List<DocumentRecord> listAttached(String applicationId) {
        return mongo.find(Query.query(Criteria.where("applicationIds").is(applicationId))
                .with(Sort.by("uploadedAt")), DocumentRecord.class);
    }

    void attach(Collection<String> documentIds, String applicationId) {
        if (!documentIds.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(documentIds)),
                    new Update().addToSet("applicationIds", applicationId), DocumentRecord.class);
        }
    }

    boolean review(String id, DocumentRecord.Status status, DocumentRecord.Review review) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", status).set("review", review), DocumentRecord.class).getModifiedCount() > 0;
    }

    /** Removes the record, then its content (a crash in between leaves a file without record: swept). */
    void delete(DocumentRecord document) {
        mongo.remove(Query.query(Criteria.where("_id").is(document.id())), DocumentRecord.class);
        deleteFile(document.fileId());
    }

    /** Swaps the content for a re-encrypted copy, unless the record moved on meanwhile. */
    boolean replaceFile(DocumentRecord document, StoredFile copy) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id()).and("fileId").is(document.fileId())),
                new Update().set("fileId", copy.fileId()).set("seal", copy.seal()), DocumentRecord.class)
                .getModifiedCount() > 0;
    }

    void recordView(DocumentView view) {
        mongo.insert(view);
    }

    List<DocumentView> views(String applicationId) {
        return mongo.find(Query.query(Criteria.where("applicationId").is(applicationId)).with(Sort.by("at")),
                DocumentView.class);
    }

    /** Erasure: every record, view, GridFS file entry and chunk of the applicant. */
    void deleteAllOf(String applicantId) {
        mongo.remove(Query.query(Criteria.where("applicantId").is(applicantId)), DocumentRecord.class);
        mongo.remove(Query.query(Criteria.where("applicantId").is(applicantId)), DocumentView.class);
        List<ObjectId> files = new ArrayList<>();
        bucket().find(Filters.eq("metadata.applicantId", applicantId)).forEach(file -> files.add(file.getObjectId()));
        files.forEach(this::deleteFile);
    }

    /** Records uploaded before {@code cutoff}: the candidates of the orphan sweep. */
    List<DocumentRecord> uploadedBefore(Instant cutoff) {
        return mongo.find(Query.query(Criteria.where("uploadedAt").lt(cutoff)), DocumentRecord.class);
    }

    /** Records sealed with any key but {@code activeKeyId}. */
    List<DocumentRecord> sealedWithOtherKeyThan(String activeKeyId) {
        return mongo.find(Query.query(Criteria.where("seal.keyId").ne(activeKeyId)), DocumentRecord.class);
    }

    /** GridFS files written before {@code cutoff} that no record points at (a crash between the two writes). */
    List<ObjectId> filesWithoutRecord(Instant cutoff) {
        List<ObjectId> unreferenced = new ArrayList<>();
        for (GridFSFile file : bucket().find(Filters.lt("uploadDate", java.util.Date.from(cutoff)))) {
            if (!mongo.exists(Query.query(Criteria.where("fileId").is(file.getObjectId())), DocumentRecord.class)) {
                unreferenced.add(file.getObjectId());
            }
        }
        return unreferenced;
    }

    /** Which of {@code ids} are applications that exist. */
    List<String> existingApplications(Collection<String> ids) {
        return mongo.findDistinct(Query.query(Criteria.where("_id").in(ids)), "_id", "applications", String.class);
    }

    private GridFSBucket bucket() {
        if (bucket == null) {
            bucket = GridFSBuckets.create(mongo.getDb());
        }
        return bucket;
    }

    private static void abort(GridFSUploadStream upload) {
        try {
            upload.abort();
        } catch (RuntimeException e) {
            // the chunks written so far are left to the sweep
        }
    }
}
