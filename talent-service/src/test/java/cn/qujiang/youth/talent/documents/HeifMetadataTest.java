package cn.qujiang.youth.talent.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A HEIC photo is stored without the location its EXIF and XMP carried, still a HEIC photo with the same picture
 * and orientation; a structure this reader cannot vouch for is refused, whatever it contains, never a 500.
 * Fixtures (README beside them): {@code location.heic} = heif-enc of a 64 × 32 PNG, then exiftool added a GPS
 * position to EXIF and XMP; {@code exif-orientation.heic} = heif-enc of a JPEG whose EXIF says "turn 90° clockwise".
 */
class HeifMetadataTest {
    /** 28/1 degrees, 56/1 minutes: the GPS latitude as EXIF stores it (rationals, big-endian). */
    private static final byte[] EXIF_LATITUDE = {0, 0, 0, 28, 0, 0, 0, 1, 0, 0, 0, 56, 0, 0, 0, 1};
    /** The start of a big-endian TIFF structure whose IFD0 follows its header: where EXIF's tags begin. */
    private static final byte[] TIFF_HEADER = {'M', 'M', 0, 42, 0, 0, 0, 8};

    @TempDir
    Path dir;

    private final HeifMetadata heif = new HeifMetadata();

    /** The second one is turned by an {@code irot} property, which (in {@code meta}) stays byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"location.heic", "irot-location.heic"})
    void theLocationIsGoneAndThePictureIsTheSame(String fixture) throws IOException {
        byte[] original = SampleFiles.fixture(fixture);
        assertThat(indexOf(original, EXIF_LATITUDE)).isPositive();
        assertThat(text(original)).contains("exif:GPSLatitude", "exif:GPSLongitude", "Fixture");

        byte[] stored = strip(original);

        assertThat(indexOf(stored, EXIF_LATITUDE)).isNegative();
        assertThat(text(stored)).doesNotContain("GPS").doesNotContain("Fixture").doesNotContain("ExifTool")
                .contains("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>");
        assertThat(stored).hasSameSizeAs(original);
        // the boxes (ftyp, meta with every offset) are untouched, and so is the coded picture at the end of mdat
        int mdatPayload = indexOf(original, "mdat".getBytes(StandardCharsets.ISO_8859_1)) + 4;
        assertThat(Arrays.equals(original, 0, mdatPayload, stored, 0, mdatPayload)).isTrue();
        int picture = original.length - 249;
        assertThat(Arrays.equals(original, picture, original.length, stored, picture, stored.length)).isTrue();
        // still a HEIC photo: detected as one, parsed again, and stripping it again changes nothing
        FileInspector inspector = new FileInspector(DocumentProperties.defaults(), new PdfActiveContent());
        assertThat(inspector.detect(Arrays.copyOf(stored, 1024))).contains(DocumentType.HEIC);
        assertThat(MimeTypes.getDefaultMimeTypes().detect(new ByteArrayInputStream(stored), new Metadata()))
                .as("Tika's own magic").hasToString("image/heic");
        assertThat(strip(stored)).isEqualTo(stored);
        // what is left of EXIF is a valid TIFF structure with nothing in it: no GPS pointer, no orientation
        int tiff = indexOf(stored, TIFF_HEADER);
        assertThat(ExifOrientation.byteOrder(stored, tiff)).isTrue();
        assertThat(new BoxCursor(stored, tiff + 8, tiff + 10).u16()).isZero();
    }

    @Test
    void anExifOrientationIsKeptForViewersThatHonourIt() throws IOException {
        byte[] original = SampleFiles.fixture("exif-orientation.heic");
        int tiff = indexOf(original, TIFF_HEADER);
        assertThat(ExifOrientation.ofTiff(original, tiff, original.length)).isEqualTo(ExifOrientation.ROTATE_90_CW);

        byte[] stored = strip(original);

        assertThat(ExifOrientation.ofTiff(stored, tiff, stored.length)).isEqualTo(ExifOrientation.ROTATE_90_CW);
        assertThat(new BoxCursor(stored, tiff + 8, tiff + 10).u16()).as("IFD0 entries").isEqualTo(1);
        assertThat(Arrays.copyOfRange(stored, tiff + ExifOrientation.MINIMAL_TIFF_BYTES, tiff + 60))
                .containsOnly((byte) 0);
    }

    @Test
    void structuresThatCannotBeVouchedForAreRefused() throws IOException {
        byte[] original = SampleFiles.fixture("location.heic");
        int iloc = indexOf(original, "iloc".getBytes(StandardCharsets.ISO_8859_1));
        int iinf = indexOf(original, "iinf".getBytes(StandardCharsets.ISO_8859_1));
        int hdlr = indexOf(original, "hdlr".getBytes(StandardCharsets.ISO_8859_1));
        // iloc version 1, four-byte offsets, lengths and base offsets: 20 bytes an item; the EXIF item is the third
        int exifEntry = iloc + 12 + 2 * 20;
        assertThat(ByteBuffer.wrap(original, exifEntry, 2).getShort()).as("the EXIF item's id").isEqualTo((short) 3);

        assertRefused(original, bytes -> bytes[iloc + 4] = 3, "an iloc version that does not exist yet");
        assertRefused(original, bytes -> bytes[exifEntry + 3] = 2, "EXIF built from another item (method 2)");
        assertRefused(original, bytes -> ByteBuffer.wrap(bytes).putInt(exifEntry + 12, 40),
                "EXIF said to lie inside the meta box");
        assertRefused(original, bytes -> ByteBuffer.wrap(bytes).putInt(exifEntry + 16, Integer.MAX_VALUE),
                "EXIF longer than the file");
        assertRefused(original, bytes -> ByteBuffer.wrap(bytes).putShort(iloc + 10, (short) 0xFFFF),
                "65,535 locations in a 96-byte box");
        assertRefused(original, bytes -> ByteBuffer.wrap(bytes).putShort(iinf + 8, (short) 0xFFFF),
                "65,535 items in a 118-byte box");
        assertRefused(original, bytes -> ByteBuffer.wrap(bytes).putInt(28, -1), "a meta box of 4 GB");
        assertRefused(original, bytes -> ByteBuffer.wrap(bytes).putInt(28, 1), "a 64-bit size read from the payload");
        assertRefused(original, bytes -> ByteBuffer.wrap(bytes).putInt(hdlr - 4, 0), "a box of size 0 (a loop)");
        assertRefused(original, bytes -> ByteBuffer.wrap(bytes).putInt(hdlr - 4, 4), "a box smaller than its header");
        byte[] withMovie = Arrays.copyOf(original, original.length + 8);
        ByteBuffer.wrap(withMovie).putInt(original.length, 8).put("moov".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(withMovie, bytes -> { }, "a movie box (sequences carry metadata of their own)");
        for (int length = 0; length < original.length; length++) {
            assertRefused(Arrays.copyOf(original, length), bytes -> { }, "cut after " + length + " bytes");
        }
    }

    /** Thousands of damaged copies: each is stored without its metadata or refused, never an exception. */
    @Test
    void mutatedCopiesAreStrippedOrRefusedNeverAnError() throws IOException {
        byte[] original = SampleFiles.fixture("location.heic");
        int structure = indexOf(original, "mdat".getBytes(StandardCharsets.ISO_8859_1)) + 4;
        Random random = new Random(20261129);
        Path file = dir.resolve("mutated.heic");
        int stripped = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] mutated = original.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                int at = random.nextInt(structure);
                mutated[at] = random.nextInt(4) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
            }
            Files.write(file, mutated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                heif.strip(file, out);
                assertThat(out.size()).isEqualTo(mutated.length);
                stripped++;
            } catch (DocumentRefusal refusal) {
                assertThat(refusal.reason()).isEqualTo(DocumentRefusal.Reason.DOCUMENT_HEIC_UNSUPPORTED);
            } catch (RuntimeException e) {
                fail("round " + round + " threw " + e, e);
            }
        }
        assertThat(stripped).as("mutations of ignored bytes still pass").isPositive();
    }

    private void assertRefused(byte[] original, Consumer<byte[]> damage, String what) throws IOException {
        byte[] damaged = original.clone();
        damage.accept(damaged);
        Path file = Files.write(dir.resolve("damaged.heic"), damaged);
        assertThatThrownBy(() -> heif.strip(file, new ByteArrayOutputStream())).as(what)
                .isInstanceOfSatisfying(DocumentRefusal.class, refusal ->
                        assertThat(refusal.reason()).isEqualTo(DocumentRefusal.Reason.DOCUMENT_HEIC_UNSUPPORTED));
    }

    private byte[] strip(byte[] content) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "photo", ".heic"), content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        heif.strip(file, out);
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return FileInspector.indexOf(data, pattern, 0, data.length);
    }
}
