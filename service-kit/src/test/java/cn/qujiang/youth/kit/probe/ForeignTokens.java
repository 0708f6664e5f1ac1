package cn.qujiang.youth.kit.probe;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Well-formed RS256 tokens that no key of the realm signed, as an attacker or another identity provider would mint. */
final class ForeignTokens {
    private ForeignTokens() {
    }

    static String signedByAnotherIssuer(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            long now = Instant.now().getEpochSecond();
            String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"foreign\"}");
            String payload = encode("{\"iss\":\"" + issuer + "\",\"sub\":\"intruder\",\"aud\":\"youth-api\",\"iat\":" + now
                    + ",\"exp\":" + (now + 300) + ",\"realm_access\":{\"roles\":[\"applicant\"]}}");
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
