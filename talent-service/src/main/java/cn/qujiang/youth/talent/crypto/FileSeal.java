package cn.qujiang.youth.talent.crypto;

/**
 * How one file was sealed, stored beside it: the key id (for rotation), the random nonce prefix of its segments
 * (base64) and the plain size of a segment. Nothing in it reveals the content.
 */
public record FileSeal(String keyId, String noncePrefix, int segmentSize) {
}
