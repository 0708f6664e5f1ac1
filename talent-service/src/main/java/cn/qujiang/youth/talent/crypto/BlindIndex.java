package cn.qujiang.youth.talent.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a normalised value: equal values give equal indexes, so a unique database index can
 * enforce "one profile per ID number" without the number ever being stored in the clear or guessable by hashing
 * candidate numbers (the key stays outside the database).
 */
public class BlindIndex {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public BlindIndex(CryptoProperties properties) {
        byte[] bytes = FieldCipher.decode("blind-index-key", properties.blindIndexKey());
        if (bytes.length < 32) {
            throw new IllegalStateException("qujiang.crypto.blind-index-key must be at least 32 bytes of base64");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    public String of(String normalisedValue) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }
}
