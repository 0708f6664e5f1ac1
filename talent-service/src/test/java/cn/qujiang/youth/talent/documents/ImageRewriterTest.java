package cn.qujiang.youth.talent.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored photo shows the same picture and nothing else: no EXIF location, nothing hidden inside. */
class ImageRewriterTest {
    @TempDir
    Path dir;

    @Test
    void aPhotoKeepsItsPictureAndLosesItsLocation() throws IOException {
        byte[] original = SampleFiles.jpegWithExifLocation();
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");

        byte[] stored = rewrite(original, DocumentType.JPEG, DocumentProperties.defaults());

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(picture.getWidth()).isEqualTo(64);
        assertThat(picture.getHeight()).isEqualTo(48);
    }

    @Test
    void aPngIsReEncodedAsPng() throws IOException {
        byte[] stored = rewrite(SampleFiles.png(), DocumentType.PNG, DocumentProperties.defaults());

        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(64);
        assertThat(new String(stored, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void tooManyPixelsAreRefusedBeforeDecodingAndGarbageIsUnreadable() {
        DocumentProperties tiny = new DocumentProperties(null, null, 1000L, null, null);
        assertThatThrownBy(() -> rewrite(SampleFiles.png(), DocumentType.PNG, tiny))
                .isInstanceOfSatisfying(DocumentRefusal.class, refusal ->
                        assertThat(refusal.reason()).isEqualTo(DocumentRefusal.Reason.DOCUMENT_IMAGE_TOO_LARGE));
        byte[] truncated = java.util.Arrays.copyOf(SampleFiles.png(), 40);
        assertThatThrownBy(() -> rewrite(truncated, DocumentType.PNG, DocumentProperties.defaults()))
                .isInstanceOfSatisfying(DocumentRefusal.class, refusal ->
                        assertThat(refusal.reason()).isEqualTo(DocumentRefusal.Reason.DOCUMENT_UNREADABLE));
    }

    private byte[] rewrite(byte[] content, DocumentType type, DocumentProperties properties) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "photo", ".bin"), content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImageRewriter(properties).rewrite(file, type, out);
        return out.toByteArray();
    }
}
