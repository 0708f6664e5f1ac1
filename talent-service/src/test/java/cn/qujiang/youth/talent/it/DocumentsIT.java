package cn.qujiang.youth.talent.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.MeasurePublished.Mode;
import cn.qujiang.youth.contracts.MeasurePublished.RequiredDocument;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.talent.documents.SampleFiles;
import cn.qujiang.youth.talent.Bytes;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Proof documents on the real MongoDB-wire server: refused uploads store nothing, accepted ones are stored
 * encrypted in GridFS, submission needs them, an officer's every view is recorded, and erasure leaves no file entry
 * and no chunk of the applicant.
 */
class DocumentsIT extends TalentIntegrationTest {
    static final List<String> DOCUMENT_COLLECTIONS = List.of("documents", "document_views", "document_slots",
            "fs.files", "fs.chunks");
    static final MeasurePublished RENT = new MeasurePublished("IT-DOCS", 1, MeasurePublished.Status.ACTIVE,
            LocalizedText.of("租房补贴", "Rent subsidy"), "HOUSING", Mode.APPLY, LocalDate.of(2024, 1, 1), null, null,
            List.of(), "CASH", "CNY", 5, Instant.now(), List.of(), null,
            List.of(RequiredDocument.named(LocalizedText.of("身份证", "Resident ID card")),
                    RequiredDocument.named(LocalizedText.of("房屋租赁合同", "Tenancy agreement"))), null);

    private final Uploads uploads;

    DocumentsIT(@LocalServerPort int port, MongoTemplate mongo, KafkaTemplate<String, String> kafka,
            OutboxRelay relay) {
        super(port, mongo, kafka, relay);
        this.uploads = new Uploads(port);
    }

    @BeforeEach
    void eligibleApplicantWithoutDocuments() {
        DOCUMENT_COLLECTIONS.forEach(collection -> mongo.remove(new Query(), collection));
        ensureCatalogue(RENT);
        createProfile(User.APPLICANT1, "张三", idNumber("33080320000315123"), "13812345678", "zhang@example.com");
        deliverMatches(matches(subject(User.APPLICANT1), profileVersion(User.APPLICANT1),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of(), result("IT-DOCS", Outcome.ELIGIBLE)));
    }

    @Test
    void documentsAreRequiredStoredEncryptedViewedOnRecordAndErasedToTheLastChunk() {
        String resident = token(User.APPLICANT1);
        Http.Response refused = apply(User.APPLICANT1, "IT-DOCS");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(texts(refused.json().get("reasons"))).contains("DOCUMENTS_MISSING");
        assertThat(values(refused.json().get("missingDocuments"), "name"))
                .containsExactly("身份证", "房屋租赁合同");

        Http.Response pngAsPdf = uploads.upload(resident, "/api/talent/me/documents", "resident-id-card", "id.pdf",
                "application/pdf", SampleFiles.png());
        assertThat(pngAsPdf.status()).isEqualTo(415);
        assertThat(pngAsPdf.json().get("code").asString()).isEqualTo("DOCUMENT_TYPE_MISMATCH");
        assertThat(pngAsPdf.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(pngAsPdf.json().get("detail").asString()).contains("文件内容与文件名不符");
        assertThat(DOCUMENT_COLLECTIONS.stream().mapToLong(c -> mongo.count(new Query(), c)).sum()).isZero();

        byte[] contract = SampleFiles.pdf("Tenancy agreement of Zhang San, Room 1203, Qujiang");
        Http.Response idCard = uploads.upload(resident, "/api/talent/me/documents", "resident-id-card",
                "身份证.jpg", "image/jpeg", SampleFiles.jpegWithExifLocation());
        Http.Response tenancy = uploads.upload(resident, "/api/talent/me/documents", "tenancy-agreement",
                "租赁合同.pdf", "application/pdf", contract);
        assertThat(idCard.status()).as(idCard.toString()).isEqualTo(201);
        assertThat(tenancy.status()).as(tenancy.toString()).isEqualTo(201);
        assertThat(tenancy.json().get("fileName").asString()).isEqualTo("租赁合同.pdf");
        String tenancyId = tenancy.json().get("id").asString();

        Document record = mongo.findById(tenancyId, Document.class, "documents");
        ObjectId fileId = record.getObjectId("fileId");
        assertThat(record.toJson()).doesNotContain("租赁合同");
        assertThat(mongo.findById(fileId, Document.class, "fs.files").getString("filename")).isEqualTo(tenancyId);
        byte[] rawChunks = chunksOf(fileId);
        assertThat(rawChunks.length).isGreaterThan(contract.length);
        assertThat(Bytes.indexOf(rawChunks, Arrays.copyOfRange(contract, 0, 8))).isEqualTo(-1); // not even "%PDF-1.x"
        assertThat(Bytes.indexOf(rawChunks, "Room 1203".getBytes())).isEqualTo(-1);

        Http.Response applied = apply(User.APPLICANT1, "IT-DOCS");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String applicationId = applied.json().get("id").asString();
        JsonNode mine = http.get("/api/talent/me/applications/" + applicationId + "/documents").token(resident).send()
                .json();
        assertThat(values(mine.get("requirements"), "state")).containsExactly("SUBMITTED", "SUBMITTED");

        String officer = token(User.HR1);
        String base = "/api/talent/review/applications/" + applicationId + "/documents";
        HttpResponse<byte[]> preview = uploads.download(officer, base + "/" + tenancyId + "/content");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).isEqualTo(contract);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(preview.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(preview.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline").contains("tenancy-agreement").doesNotContain("租赁合同");
        JsonNode review = http.get(base).token(officer).send().json();
        assertThat(review.get("views")).hasSize(1);
        assertThat(review.get("views").get(0).get("byName").asString()).isEqualTo("hr1");
        assertThat(review.get("views").get(0).get("requirementName").asString()).isEqualTo("房屋租赁合同");
        assertThat(uploads.download(token(User.APPLICANT2), "/api/talent/me/documents/" + tenancyId + "/content")
                .statusCode()).isEqualTo(404);

        assertThat(http.delete("/api/talent/me").token(resident).send().status()).isEqualTo(204);
        String applicant = subject(User.APPLICANT1);
        assertThat(mongo.count(Query.query(Criteria.where("metadata.applicantId").is(applicant)), "fs.files")).isZero();
        assertThat(mongo.count(new Query(), "fs.chunks")).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("applicantId").is(applicant)), "documents")).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("applicantId").is(applicant)), "document_views")).isZero();
    }

    @Test
    void aRejectedDocumentIsNamedUntilReplacedAndOnlyThenCanTheResidentResubmit() {
        String resident = token(User.APPLICANT1);
        JsonNode application = applyWithBothDocuments(resident);
        String id = application.get("id").asString();
        String officer = token(User.HR1);
        String base = "/api/talent/review/applications/" + id + "/documents";
        JsonNode listed = http.get(base).token(officer).send().json();
        String idCard = listed.get("requirements").get(0).get("documentId").asString();

        Http.Response noReason = http.post(base + "/" + idCard + "/review", java.util.Map.of("decision", "REJECT"))
                .token(officer).send();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(http.post(base + "/" + idCard + "/review",
                java.util.Map.of("decision", "REJECT", "reason", "照片模糊，看不清号码")).token(officer).send().status())
                .isEqualTo(200);
        assertThat(decide(User.HR1, id, application.get("version").asLong(), "REQUEST_INFO", "DOCUMENTS_UNCLEAR")
                .status()).isEqualTo(200);

        JsonNode asked = http.get("/api/talent/me/applications/" + id + "/documents").token(resident).send().json();
        assertThat(asked.get("requirements").get(0).get("state").asString()).isEqualTo("REJECTED");
        assertThat(asked.get("requirements").get(0).get("reason").asString()).isEqualTo("照片模糊，看不清号码");
        Http.Response early = http.post("/api/talent/me/applications/" + id + "/resubmit", null).token(resident).send();
        assertThat(early.status()).isEqualTo(409);
        assertThat(values(early.json().get("missingDocuments"), "name")).containsExactly("身份证");

        assertThat(uploads.upload(resident, "/api/talent/me/applications/" + id + "/documents", "resident-id-card",
                "id2.jpg", "image/jpeg", SampleFiles.jpeg()).status()).isEqualTo(201);
        assertThat(http.post("/api/talent/me/applications/" + id + "/resubmit", null).token(resident).send().status())
                .isEqualTo(200);
    }

    /**
     * The last place on an application, asked for by four uploads at once: one is stored, three are refused with
     * DOCUMENT_LIMIT, and the application carries exactly the limit. A refused upload (not a document) gives its
     * place back.
     */
    @Test
    void concurrentUploadsNeverPassTheLimitOfAnApplication() {
        String resident = token(User.APPLICANT1);
        String id = applyWithBothDocuments(resident).get("id").asString();
        String path = "/api/talent/me/applications/" + id + "/documents";
        for (int i = 2; i < 19; i++) {
            assertThat(uploads.upload(resident, path, "other", "page" + i + ".png", "image/png", SampleFiles.png())
                    .status()).isEqualTo(201);
        }
        assertThat(uploads.upload(resident, path, "other", "page.jpg", "image/jpeg", SampleFiles.html()).status())
                .isEqualTo(415);

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<Http.Response>> racing = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return uploads.upload(resident, path, "other", "last" + i + ".png", "image/png", SampleFiles.png());
                })).toList();
        start.countDown();
        List<Http.Response> answers = racing.stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(201, 409, 409, 409);
        assertThat(answers.stream().filter(answer -> answer.status() == 409).map(answer -> answer.json().get("code")
                .asString())).containsOnly("DOCUMENT_LIMIT");
        assertThat(mongo.count(Query.query(Criteria.where("applicationIds").is(id)), "documents")).isEqualTo(20);
    }

    /** What the resident gets back is what was stored: the HEIC photo without its location, the JPEG upright. */
    @Test
    void photosAreStoredWithoutLocationAndUpright() {
        String resident = token(User.APPLICANT1);
        Http.Response heic = uploads.upload(resident, "/api/talent/me/documents", "resident-id-card", "IMG_0001.HEIC",
                "image/heic", SampleFiles.fixture("location.heic"));
        Http.Response jpeg = uploads.upload(resident, "/api/talent/me/documents", "tenancy-agreement", "IMG_0002.JPG",
                "image/jpeg", SampleFiles.fixture("orientation-6.jpg"));
        assertThat(heic.status()).isEqualTo(201);
        assertThat(jpeg.status()).isEqualTo(201);

        byte[] storedHeic = uploads.download(resident, "/api/talent/me/documents/" + heic.json().get("id").asString()
                + "/content").body();
        byte[] storedJpeg = uploads.download(resident, "/api/talent/me/documents/" + jpeg.json().get("id").asString()
                + "/content").body();

        assertThat(storedHeic).hasSize(SampleFiles.fixture("location.heic").length);
        assertThat(new String(storedHeic, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("ftypheic")
                .doesNotContain("GPS");
        java.awt.image.BufferedImage upright = readImage(storedJpeg);
        assertThat(upright.getWidth()).isEqualTo(32);
        assertThat(upright.getHeight()).isEqualTo(64);
    }

    /** Uploads the two documents the measure asks for to the profile and applies: the application, two attached. */
    private JsonNode applyWithBothDocuments(String resident) {
        uploads.upload(resident, "/api/talent/me/documents", "resident-id-card", "id.png", "image/png",
                SampleFiles.png());
        uploads.upload(resident, "/api/talent/me/documents", "tenancy-agreement", "t.pdf", "application/pdf",
                SampleFiles.pdf("tenancy"));
        return apply(User.APPLICANT1, "IT-DOCS").json();
    }

    private static java.awt.image.BufferedImage readImage(byte[] bytes) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] chunksOf(ObjectId fileId) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        mongo.find(Query.query(Criteria.where("files_id").is(fileId)).with(
                org.springframework.data.domain.Sort.by("n")), Document.class, "fs.chunks")
                .forEach(chunk -> all.writeBytes(chunk.get("data", Binary.class).getData()));
        return all.toByteArray();
    }

    private static List<String> values(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.get(field).asString()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
