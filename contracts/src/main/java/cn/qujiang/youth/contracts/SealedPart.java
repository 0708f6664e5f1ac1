package cn.qujiang.youth.contracts;

/**
 * A personal part of an event, sealed with the applicant's {@link EventKey} (AES-256-GCM): the id of that key, the
 * nonce and the cipher text with its tag, both base64. Once the key is deleted (erasure) nothing can open it again,
 * wherever the record was copied to (retention, dead-letter topics, backups).
 */
public record SealedPart(String keyId, String nonce, String data) {
}
