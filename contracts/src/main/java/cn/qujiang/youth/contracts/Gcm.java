package cn.qujiang.youth.contracts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM of one value with a random 96-bit nonce; the {@code context} (which event field of which applicant)
 * is the additional authenticated data, so a part copied into another event or field does not open. The one
 * implementation of the suite: talent-service's field cipher and the event keys both use it.
 */
public final class Gcm {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Gcm() {
    }

    public static SealedPart seal(String keyId, SecretKey key, byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] data = cipher.doFinal(plain);
            return new SealedPart(keyId, Base64.getEncoder().encodeToString(nonce),
                    Base64.getEncoder().encodeToString(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** @throws SealBrokenException when the key, the context or the bytes are not those it was sealed with */
    public static byte[] open(SecretKey key, SealedPart part, String context) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(part.nonce())));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Base64.getDecoder().decode(part.data()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the value or the context: the context names the applicant
            throw new SealBrokenException("a value sealed with key " + part.keyId() + " did not open", e);
        }
    }

    /** A sealed value that cannot be opened: wrong key, altered, or moved to another context. */
    public static class SealBrokenException extends IllegalStateException {
        public SealBrokenException(String message) {
            super(message);
        }

        public SealBrokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
