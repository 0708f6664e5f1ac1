package cn.qujiang.youth.talent.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.talent.InMemoryMongo;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An application's document places on the wire-protocol server the service uses in tests. */
class DocumentSlotsTest {
    private final InMemoryMongo mongo = new InMemoryMongo();
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private final DocumentSlots slots = new DocumentSlots(mongo.template());

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void theDocumentsSubmissionAttachedHoldPlacesAndAGivenBackPlaceCanBeTakenAgain() {
        attach("a-1", "d-1");
        attach("a-1", "d-2");

        assertThat(slots.take("a-1", "resident", "d-3", 3, NOW)).isTrue();
        assertThat(slots.take("a-1", "resident", "d-4", 3, NOW)).as("three attached or uploading").isFalse();
        slots.giveBack("a-1", "d-3");
        assertThat(slots.take("a-1", "resident", "d-4", 3, NOW)).isTrue();
        assertThat(taken("a-1")).containsExactly("d-1", "d-2", "d-4");
    }

    /** Ten uploads at once for the last two places, forty times: never more than two get one. */
    @Test
    void concurrentUploadsNeverTakeMorePlacesThanLeft() throws Exception {
        for (int round = 0; round < 40; round++) {
            String application = "race-" + round;
            IntStream.range(0, 18).forEach(i -> attach(application, application + "-old-" + i));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> uploads = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return slots.take(application, "resident", application + "-new-" + i, 20, NOW);
                    })).toList();
            start.countDown();
            long won = uploads.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
            assertThat(won).as("round " + round).isEqualTo(2);
            assertThat(taken(application)).hasSize(20);
        }
    }

    /**
     * The service stopped between taking a place and writing the record: the place was held for ever and the
     * resident could not upload the twentieth document. The sweep gives back such places after the grace, and only
     * those: a stored upload keeps its place, an upload still within the grace is left alone.
     */
    @Test
    void aPlaceTakenByAnUploadThatNeverFinishedIsGivenBackAfterTheGrace() {
        attach("a-4", "d-1");
        assertThat(slots.take("a-4", "resident", "crashed", 3, NOW)).isTrue();
        assertThat(slots.take("a-4", "resident", "d-2", 3, NOW)).isTrue();
        attach("a-4", "d-2");
        slots.stored("a-4", "d-2");
        assertThat(slots.take("a-4", "resident", "d-3", 3, NOW)).as("the crashed upload holds a place").isFalse();

        assertThat(slots.reclaim(NOW)).as("still within the grace").isZero();
        assertThat(slots.reclaim(NOW.plusSeconds(3600))).isEqualTo(1);

        assertThat(taken("a-4")).containsExactly("d-1", "d-2");
        assertThat(slots.take("a-4", "resident", "d-3", 3, NOW.plusSeconds(3600))).isTrue();
        assertThat(slots.reclaim(NOW.plusSeconds(7200))).as("d-3 is uploading, no record: given back").isEqualTo(1);
        assertThat(slots.reclaim(NOW.plusSeconds(7200))).as("nothing twice").isZero();
    }

    /** The record was written but the service stopped before it marked the upload finished: the place stays. */
    @Test
    void aStoredUploadKeepsItsPlaceEvenIfItWasNeverMarkedFinished() {
        assertThat(slots.take("a-5", "resident", "d-1", 20, NOW)).isTrue();
        attach("a-5", "d-1");

        assertThat(slots.reclaim(NOW.plusSeconds(3600))).isZero();

        assertThat(taken("a-5")).containsExactly("d-1");
        assertThat(mongo.template().findById("a-5", Document.class, DocumentSlots.COLLECTION).getList("uploading",
                Document.class)).isEmpty();
    }

    @Test
    void erasureRemovesTheApplicantsPlaces() {
        slots.take("a-2", "resident", "d-1", 20, NOW);
        slots.take("a-3", "someone-else", "d-2", 20, NOW);

        slots.deleteAllOf("resident");

        assertThat(mongo.template().findAll(Document.class, DocumentSlots.COLLECTION))
                .extracting(document -> document.get("_id")).containsExactly("a-3");
    }

    private void attach(String applicationId, String documentId) {
        mongo.template().insert(new Document("_id", documentId).append("applicantId", "resident")
                .append("applicationIds", List.of(applicationId)).append("uploadedAt", Instant.now()),
                DocumentRecord.COLLECTION);
    }

    @SuppressWarnings("unchecked")
    private List<String> taken(String applicationId) {
        return (List<String>) mongo.template().findById(applicationId, Document.class, DocumentSlots.COLLECTION)
                .get("taken");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
