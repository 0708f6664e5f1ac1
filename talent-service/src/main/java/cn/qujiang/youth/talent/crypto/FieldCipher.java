package cn.qujiang.youth.talent.crypto;

import cn.qujiang.youth.contracts.Gcm;
import cn.qujiang.youth.contracts.SealedPart;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM for personal data: fields, and files as streams of sealed segments ({@link #sealing},
 * {@link #opening}) under the same keys and the same rotation. The {@code context} (e.g.
 * {@code profile:<applicantId>:phone}) is bound as additional authenticated data, so a cipher text copied into
 * another document or field does not decrypt.
 */
public class FieldCipher {
    private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(CryptoProperties properties) {
        if (properties.activeKey() == null || !properties.keys().containsKey(properties.activeKey())) {
            throw new IllegalStateException("qujiang.crypto.active-key must name one of qujiang.crypto.keys");
        }
        Map<String, SecretKey> loaded = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> loaded.put(id, aesKey(id, base64)));
        this.keys = Map.copyOf(loaded);
        this.activeKeyId = properties.activeKey();
        if (activeKeyId.startsWith("dev")) {
            log.warn("personal data is encrypted with the development key '{}': never use it in production", activeKeyId);
        }
    }

    public Sealed seal(String plain, String context) {
        if (plain == null) {
            return null;
        }
        SealedPart part = Gcm.seal(activeKeyId, keys.get(activeKeyId), plain.getBytes(StandardCharsets.UTF_8), context);
        return new Sealed(part.keyId(), part.nonce(), part.data());
    }

    public String open(Sealed sealed, String context) {
        if (sealed == null) {
            return null;
        }
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key configured for key id " + sealed.keyId());
        }
        return new String(Gcm.open(key, new SealedPart(sealed.keyId(), sealed.iv(), sealed.data()), context),
                StandardCharsets.UTF_8);
    }

    /** Plain bytes per sealed segment of a file: small enough to hold, large enough that tags cost little. */
    static final int FILE_SEGMENT_BYTES = 64 * 1024;

    /** Encrypts a file written to the returned stream into {@code sink} with the active key. */
    public SealingOutputStream sealing(OutputStream sink, String context) {
        byte[] prefix = new byte[SegmentedGcm.PREFIX_BYTES];
        random.nextBytes(prefix);
        FileSeal seal = new FileSeal(activeKeyId, Base64.getEncoder().encodeToString(prefix), FILE_SEGMENT_BYTES);
        return new SealingOutputStream(sink, new SegmentedGcm(keys.get(activeKeyId), prefix, context), seal);
    }

    /** Decrypts, as it is read, a file sealed by {@link #sealing} with the same context. */
    public OpeningInputStream opening(InputStream source, FileSeal seal, String context) {
        SecretKey key = keys.get(seal.keyId());
        if (key == null) {
            throw new IllegalStateException("no key configured for key id " + seal.keyId());
        }
        return new OpeningInputStream(source,
                new SegmentedGcm(key, Base64.getDecoder().decode(seal.noncePrefix()), context), seal.segmentSize());
    }

    static SecretKey aesKey(String id, String base64) {
        byte[] bytes = decode(id, base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("key " + id + " must be 32 bytes (AES-256), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    static byte[] decode(String id, String base64) {
        try {
            return Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("key " + id + " is not valid base64", e);
        }
    }
}
