package cn.qujiang.youth.talent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.talent.Bytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Files sealed in segments under the profile's keys: unreadable at rest, unchanged when opened, tamper-evident. */
class FileSealingTest {
    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String INDEX = Base64.getEncoder().encodeToString("blind-index-key-of-32-bytes-long".getBytes());
    private static final String CONTEXT = "document:a1:d1";

    private final FieldCipher cipher = new FieldCipher(new CryptoProperties(Map.of("k1", K1), "k1", INDEX));

    @Test
    void aFileOfSeveralSegmentsComesBackByteForByteAndIsNotVisibleSealed() throws IOException {
        byte[] plain = random(3 * FieldCipher.FILE_SEGMENT_BYTES + 1234);
        Sealing sealed = seal(cipher, plain);

        assertThat(sealed.seal.keyId()).isEqualTo("k1");
        assertThat(sealed.bytes.length).isEqualTo(plain.length + 4 * SegmentedGcm.TAG_BYTES);
        assertThat(Bytes.indexOf(sealed.bytes, Arrays.copyOfRange(plain, 100, 132))).isEqualTo(-1);
        assertThat(open(cipher, sealed, CONTEXT)).isEqualTo(plain);
    }

    @Test
    void aFileOfExactlyOneSegmentAndATinyOneRoundTrip() throws IOException {
        byte[] exact = random(FieldCipher.FILE_SEGMENT_BYTES);
        assertThat(open(cipher, seal(cipher, exact), CONTEXT)).isEqualTo(exact);
        assertThat(open(cipher, seal(cipher, new byte[] {42}), CONTEXT)).containsExactly(42);
    }

    @Test
    void anAlteredByteACutOffEndOrAnotherDocumentsContextFailToOpen() throws IOException {
        Sealing sealed = seal(cipher, random(2 * FieldCipher.FILE_SEGMENT_BYTES + 10));

        byte[] altered = sealed.bytes.clone();
        altered[70_000] ^= 1;
        assertThatThrownBy(() -> open(cipher, new Sealing(altered, sealed.seal), CONTEXT))
                .isInstanceOf(SecurityException.class);
        byte[] cut = Arrays.copyOf(sealed.bytes, 2 * (FieldCipher.FILE_SEGMENT_BYTES + SegmentedGcm.TAG_BYTES));
        assertThatThrownBy(() -> open(cipher, new Sealing(cut, sealed.seal), CONTEXT))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> open(cipher, sealed, "document:a2:d1")).isInstanceOf(SecurityException.class);
    }

    @Test
    void afterRotationOldFilesStillOpenAndNewOnesUseTheNewKey() throws IOException {
        byte[] plain = random(5000);
        Sealing before = seal(cipher, plain);
        FieldCipher rotated = new FieldCipher(new CryptoProperties(Map.of("k1", K1, "k2", K2), "k2", INDEX));

        assertThat(open(rotated, before, CONTEXT)).isEqualTo(plain);
        assertThat(seal(rotated, plain).seal.keyId()).isEqualTo("k2");
    }

    private record Sealing(byte[] bytes, FileSeal seal) {
    }

    private static Sealing seal(FieldCipher cipher, byte[] plain) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SealingOutputStream out = cipher.sealing(sink, CONTEXT);
        for (int i = 0; i < plain.length; i += 10_000) {
            out.write(plain, i, Math.min(10_000, plain.length - i));
        }
        out.close();
        assertThat(out.plainBytes()).isEqualTo(plain.length);
        return new Sealing(sink.toByteArray(), out.seal());
    }

    private static byte[] open(FieldCipher cipher, Sealing sealed, String context) throws IOException {
        try (InputStream in = cipher.opening(new ByteArrayInputStream(sealed.bytes), sealed.seal, context)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
