package cn.qujiang.youth.talent.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.talent.documents.DocumentRefusal.Reason;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a resident's upload is taken for, and every refusal: decided from the bytes, whatever the name says. */
class FileInspectorTest {
    private final FileInspector inspector = new FileInspector(DocumentProperties.defaults(), new PdfActiveContent());

    @TempDir
    Path dir;

    @Test
    void acceptsWhatPhonesAndScannersSendByWhatTheBytesAre() throws IOException {
        assertThat(inspector.inspect(upload(SampleFiles.pdf("labour contract"), "合同.pdf", "application/pdf")))
                .isEqualTo(DocumentType.PDF);
        assertThat(inspector.inspect(upload(SampleFiles.jpegWithExifLocation(), "IMG_0001.JPG", "image/jpeg")))
                .isEqualTo(DocumentType.JPEG);
        assertThat(inspector.inspect(upload(SampleFiles.png(), "scan.png", "application/octet-stream")))
                .isEqualTo(DocumentType.PNG);
        assertThat(inspector.inspect(upload(SampleFiles.heic(), "IMG_0002.HEIC", "image/heic")))
                .isEqualTo(DocumentType.HEIC);
        assertThat(inspector.inspect(upload(SampleFiles.png(), null, null))).isEqualTo(DocumentType.PNG);
    }

    @Test
    void aPngNamedPdfIsRefusedAsNotWhatItsNameSays() throws IOException {
        assertRefused(upload(SampleFiles.png(), "degree.pdf", "application/pdf"), Reason.DOCUMENT_TYPE_MISMATCH);
        assertRefused(upload(SampleFiles.png(), "degree.png", "application/pdf"), Reason.DOCUMENT_TYPE_MISMATCH);
    }

    @Test
    void anHtmlFileNamedJpgIsRefusedAsAKindNotAccepted() throws IOException {
        assertRefused(upload(SampleFiles.html(), "photo.jpg", "image/jpeg"), Reason.DOCUMENT_TYPE_UNSUPPORTED);
    }

    @Test
    void aPdfWithJavaScriptIsRefused() throws IOException {
        assertRefused(upload(SampleFiles.pdfWithJavaScript(), "contract.pdf", "application/pdf"),
                Reason.DOCUMENT_ACTIVE_CONTENT);
    }

    @Test
    void scriptsAreFoundByTheParserEvenWhereTheBytesDoNotShowThem() throws IOException {
        Path plain = write(SampleFiles.pdf("contract"));
        Path script = write(SampleFiles.pdfWithJavaScript());

        assertThat(PdfActiveContent.parsedObjectsActive(plain)).isFalse();
        assertThat(PdfActiveContent.parsedObjectsActive(script)).isTrue();
        assertThat(PdfActiveContent.rawNamesActive(plain)).isFalse();
    }

    @Test
    void scriptLikeBytesInsideAPageAreNotAScript() throws IOException {
        byte[] pdf = SampleFiles.pdf("see /JS here", false);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/JS here");

        assertThat(inspector.inspect(upload(pdf, "notes.pdf", "application/pdf"))).isEqualTo(DocumentType.PDF);
    }

    @Test
    void aPdfWithAnEmbeddedFileIsRefused() throws IOException {
        assertRefused(upload(SampleFiles.pdfWithEmbeddedFile(), "contract.pdf", "application/pdf"),
                Reason.DOCUMENT_ACTIVE_CONTENT);
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertRefused(upload(new byte[0], "contract.pdf", "application/pdf"), Reason.DOCUMENT_EMPTY);
    }

    @Test
    void anElevenMegabyteFileIsRefusedAsTooLarge() throws IOException {
        Path file = write(SampleFiles.pdf("scan"));
        try (RandomAccessFile grow = new RandomAccessFile(file.toFile(), "rw")) {
            grow.setLength(11L * 1024 * 1024);
        }
        Upload eleven = new Upload(file, Files.size(file), "scan.pdf", "application/pdf");

        assertThatThrownBy(() -> inspector.inspect(eleven)).isInstanceOfSatisfying(DocumentRefusal.class, refusal -> {
            assertThat(refusal.reason()).isEqualTo(Reason.DOCUMENT_TOO_LARGE);
            assertThat(refusal.args()).containsExactly(10L);
        });
    }

    @Test
    void polyglotsAreRefused() throws IOException {
        assertRefused(upload(SampleFiles.jpegWithHtmlInside(), "photo.jpg", "image/jpeg"), Reason.DOCUMENT_POLYGLOT);
        assertRefused(upload(SampleFiles.pdfWithZipAppended(), "contract.pdf", "application/pdf"),
                Reason.DOCUMENT_POLYGLOT);
        byte[] jpegHidingPdf = SampleFiles.jpeg();
        System.arraycopy("%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, jpegHidingPdf, 200, 8);
        assertRefused(upload(jpegHidingPdf, "photo.jpg", "image/jpeg"), Reason.DOCUMENT_POLYGLOT);
    }

    @Test
    void anExtensionNotAcceptedIsAMismatchAndAFakeHeicContainerIsUnreadable() throws IOException {
        assertRefused(upload(SampleFiles.pdf("x"), "contract.pdf.exe", null), Reason.DOCUMENT_TYPE_MISMATCH);
        byte[] brokenHeic = SampleFiles.heic();
        brokenHeic[3] = 7; // an ftyp box of 7 bytes cannot exist
        assertRefused(upload(brokenHeic, "photo.heic", "image/heic"), Reason.DOCUMENT_UNREADABLE);
    }

    private void assertRefused(Upload upload, Reason reason) {
        assertThatThrownBy(() -> inspector.inspect(upload)).isInstanceOfSatisfying(DocumentRefusal.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }

    private Upload upload(byte[] content, String name, String type) throws IOException {
        return new Upload(write(content), content.length, name, type);
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "upload", ".bin"), content);
    }
}
