package cn.qujiang.youth.talent.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over a file in segments (the scheme of Tink's streaming AEAD): each segment is sealed on its own, so a
 * file is encrypted and decrypted as it streams and never held whole. The nonce of segment {@code i} is the file's
 * 7 random bytes, {@code i} (4 bytes) and a last-segment flag, so segments cannot be reordered, dropped or cut off at
 * the end without the tag failing; the context (applicant and document id) is the additional authenticated data.
 */
final class SegmentedGcm {
    static final int PREFIX_BYTES = 7;
    static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final byte[] prefix;
    private final byte[] context;

    SegmentedGcm(SecretKey key, byte[] prefix, String context) {
        this.key = key;
        this.prefix = prefix.clone();
        this.context = context.getBytes(StandardCharsets.UTF_8);
    }

    byte[] seal(byte[] plain, int length, int index, boolean last) {
        return apply(Cipher.ENCRYPT_MODE, plain, length, index, last);
    }

    byte[] open(byte[] sealed, int length, int index, boolean last) {
        return apply(Cipher.DECRYPT_MODE, sealed, length, index, last);
    }

    private byte[] apply(int mode, byte[] input, int length, int index, boolean last) {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(context);
            return cipher.doFinal(input, 0, length);
        } catch (GeneralSecurityException e) {
            // never the context: it names the applicant
            throw new SecurityException("a file segment did not " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open"), e);
        }
    }
}
