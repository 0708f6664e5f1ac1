package cn.qujiang.youth.talent.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data at rest. {@code keys} maps a key id to a base64 AES-256 key; {@code activeKey} encrypts,
 * every listed key still decrypts (rotation: add a new key, make it active, keep the old one until every document
 * has been rewritten). {@code blindIndexKey} is the base64 HMAC key of the ID-number blind index; changing it means
 * recomputing every index, so it is rotated only with a migration.
 */
@ConfigurationProperties("qujiang.crypto")
public record CryptoProperties(Map<String, String> keys, String activeKey, String blindIndexKey) {
    public CryptoProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
