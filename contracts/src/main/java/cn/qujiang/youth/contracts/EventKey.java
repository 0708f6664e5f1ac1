package cn.qujiang.youth.contracts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One applicant's event key: a random AES-256 key (base64) under a random id. talent-service creates it, keeps it
 * and deletes it on erasure; the services that read sealed parts fetch it from talent-service. Deleting it is what
 * erases the applicant's personal parts from every topic ({@link SealedPart}).
 */
public record EventKey(String keyId, String key) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;

    public static EventKey generate() {
        byte[] material = new byte[KEY_BYTES];
        RANDOM.nextBytes(material);
        return new EventKey(UUID.randomUUID().toString(), Base64.getEncoder().encodeToString(material));
    }

    public SecretKey secret() {
        byte[] material = Base64.getDecoder().decode(key);
        if (material.length != KEY_BYTES) {
            throw new IllegalStateException("event key " + keyId + " is not an AES-256 key");
        }
        return new SecretKeySpec(material, "AES");
    }

    /**
     * Whether {@code part} was sealed under this key. A part sealed under an earlier key of the same applicant (they
     * were erased and came back) belongs to the erased person: the key that opens it is gone.
     */
    public boolean sealed(SealedPart part) {
        return keyId.equals(part.keyId());
    }

    /** Seals {@code value}'s event JSON under this key, bound to {@code context}. */
    public SealedPart seal(Object value, String context) {
        return Gcm.seal(keyId, secret(), EventJson.write(value).getBytes(StandardCharsets.UTF_8), context);
    }

    /**
     * Opens a part sealed by {@link #seal} with the same context.
     *
     * @throws Gcm.SealBrokenException when it was sealed under another key, altered or moved to another context
     */
    public <T> T open(SealedPart part, String context, Class<T> type) {
        if (!sealed(part)) {
            throw new Gcm.SealBrokenException(
                    "a part sealed with key " + part.keyId() + " cannot be opened with key " + keyId);
        }
        return EventJson.read(new String(Gcm.open(secret(), part, context), StandardCharsets.UTF_8), type);
    }

    /** Never the key itself: records print their components. */
    @Override
    public String toString() {
        return "EventKey[" + keyId + "]";
    }
}
