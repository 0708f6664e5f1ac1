package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.talent.ServiceZone;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What no request cleans up: uploads attached to no (existing) application after {@code orphanAfter}; GridFS files
 * a crash left without a record (after an hour, well past any upload in flight); and files sealed with a key that
 * is no longer the active one, re-encrypted (new copy, then the record switched to it in one conditional write,
 * then the old copy removed — a crash in between leaves a file without record, removed on the next run); and
 * places on an application that an upload took but never filled ({@link DocumentSlots#reclaim}).
 */
@Component
class DocumentSweep {
    private static final Logger log = LoggerFactory.getLogger(DocumentSweep.class);
    static final Duration UPLOAD_GRACE = Duration.ofHours(1);

    private final DocumentStore store;
    private final DocumentSlots slots;
    private final DocumentProperties properties;
    private final String activeKeyId;
    private final Clock clock;

    DocumentSweep(DocumentStore store, DocumentSlots slots, DocumentProperties properties,
            cn.qujiang.youth.talent.crypto.CryptoProperties crypto, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.properties = properties;
        this.activeKeyId = crypto.activeKey();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${qujiang.documents.sweep-interval:PT1H}",
            fixedDelayString = "${qujiang.documents.sweep-interval:PT1H}")
    @SchedulerLock(name = "talent.document-sweep", lockAtMostFor = "PT1H")
    void sweep() {
        Instant now = ServiceZone.now(clock);
        int orphans = removeOrphans(now.minus(properties.orphanAfter()));
        List<org.bson.types.ObjectId> stray = store.filesWithoutRecord(now.minus(UPLOAD_GRACE));
        stray.forEach(store::deleteFile);
        int rotated = reencrypt();
        int places = slots.reclaim(now.minus(UPLOAD_GRACE));
        if (orphans + stray.size() + rotated + places > 0) {
            log.info("document sweep: {} orphans removed, {} stray files removed, {} re-encrypted, {} places given back",
                    orphans, stray.size(), rotated, places);
        }
    }

    int removeOrphans(Instant cutoff) {
        int removed = 0;
        for (DocumentRecord document : store.uploadedBefore(cutoff)) {
            if (document.applicationIds().isEmpty()
                    || store.existingApplications(document.applicationIds()).isEmpty()) {
                store.delete(document);
                removed++;
            }
        }
        return removed;
    }

    int reencrypt() {
        int done = 0;
        for (DocumentRecord document : store.sealedWithOtherKeyThan(activeKeyId)) {
            DocumentStore.StoredFile copy = store.write(document.applicantId(), document.id(), out -> {
                try (InputStream in = store.read(document)) {
                    in.transferTo(out);
                }
            });
            if (store.replaceFile(document, copy)) {
                store.deleteFile(document.fileId());
                done++;
            } else {
                store.deleteFile(copy.fileId()); // removed or re-encrypted meanwhile
            }
        }
        return done;
    }
}
