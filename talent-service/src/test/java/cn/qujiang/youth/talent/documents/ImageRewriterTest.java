package cn.qujiang.youth.talent.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * One picture (red top left, green top right, blue bottom left, white bottom right, 64 × 32) stored as a phone
     * stores a photo taken turned: the pixels as the sensor saw them and an EXIF orientation. Stored here, the
     * pixels are turned and the orientation is gone, so every viewer shows what the resident saw.
     */
    @ParameterizedTest
    @CsvSource({
            "orientation-3.jpg, 64, 32, WHITE, BLUE, GREEN, RED",
            "orientation-6.jpg, 32, 64, BLUE, RED, WHITE, GREEN",
            "orientation-8.jpg, 32, 64, GREEN, WHITE, RED, BLUE"})
    void aTurnedPhotoIsStoredUpright(String fixture, int width, int height, String topLeft, String topRight,
            String bottomLeft, String bottomRight) throws IOException {
        byte[] stored = rewrite(SampleFiles.fixture(fixture), DocumentType.JPEG, DocumentProperties.defaults());

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(picture.getWidth()).isEqualTo(width);
        assertThat(picture.getHeight()).isEqualTo(height);
        assertThat(List.of(quadrant(picture, 0, 0), quadrant(picture, 1, 0), quadrant(picture, 0, 1),
                quadrant(picture, 1, 1))).containsExactly(topLeft, topRight, bottomLeft, bottomRight);
    }

    @Test
    void aPhotoWithoutOrientationKeepsItsPixelsWhereTheyAre() throws IOException {
        byte[] stored = rewrite(SampleFiles.fixture("quadrants.png"), DocumentType.PNG, DocumentProperties.defaults());

        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(List.of(quadrant(picture, 0, 0), quadrant(picture, 1, 0), quadrant(picture, 0, 1),
                quadrant(picture, 1, 1))).containsExactly("RED", "GREEN", "BLUE", "WHITE");
    }

    /** The colour in the middle of a quarter of the picture, by name (JPEG blurs the edges, not the middles). */
    private static String quadrant(BufferedImage picture, int column, int row) {
        Color color = new Color(picture.getRGB(picture.getWidth() * (1 + 2 * column) / 4,
                picture.getHeight() * (1 + 2 * row) / 4));
        Map<String, Color> names = Map.of("RED", Color.RED, "GREEN", Color.GREEN, "BLUE", Color.BLUE,
                "WHITE", Color.WHITE);
        return names.entrySet().stream()
                .filter(name -> Math.abs(name.getValue().getRed() - color.getRed()) < 40
                        && Math.abs(name.getValue().getGreen() - color.getGreen()) < 40
                        && Math.abs(name.getValue().getBlue() - color.getBlue()) < 40)
                .map(Map.Entry::getKey).findFirst().orElse(color.toString());
    }

    private byte[] rewrite(byte[] content, DocumentType type, DocumentProperties properties) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "photo", ".bin"), content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImageRewriter(properties).rewrite(file, type, out);
        return out.toByteArray();
    }
}
