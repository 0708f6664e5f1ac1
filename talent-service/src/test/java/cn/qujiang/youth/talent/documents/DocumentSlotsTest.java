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
    private final DocumentSlots slots = new DocumentSlots(mongo.template());

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void theDocumentsSubmissionAttachedHoldPlacesAndAGivenBackPlaceCanBeTakenAgain() {
        attach("a-1", "d-1");
        attach("a-1", "d-2");

        assertThat(slots.take("a-1", "resident", "d-3", 3)).isTrue();
        assertThat(slots.take("a-1", "resident", "d-4", 3)).as("three attached or uploading").isFalse();
        slots.giveBack("a-1", "d-3");
        assertThat(slots.take("a-1", "resident", "d-4", 3)).isTrue();
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
                        return slots.take(application, "resident", application + "-new-" + i, 20);
                    })).toList();
            start.countDown();
            long won = uploads.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
            assertThat(won).as("round " + round).isEqualTo(2);
            assertThat(taken(application)).hasSize(20);
        }
    }

    @Test
    void erasureRemovesTheApplicantsPlaces() {
        slots.take("a-2", "resident", "d-1", 20);
        slots.take("a-3", "someone-else", "d-2", 20);

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
