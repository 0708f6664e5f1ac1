package cn.qujiang.youth.talent.crypto;

/**
 * One encrypted value as stored: the id of the key that sealed it, the GCM nonce and the cipher text with its
 * authentication tag (both base64). Nothing in it reveals the plain value.
 */
public record Sealed(String keyId, String iv, String data) {
}
