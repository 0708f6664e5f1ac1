package cn.qujiang.youth.talent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
    private static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String INDEX = Base64.getEncoder().encodeToString("blind-index-key-of-32-bytes-long".getBytes());
    private static final String CONTEXT = "profile:a1:phone";

    private static FieldCipher cipher(Map<String, String> keys, String active) {
        return new FieldCipher(new CryptoProperties(keys, active, INDEX));
    }

    @Test
    void roundTripsChineseTextWithoutLeavingItVisible() {
        FieldCipher cipher = cipher(Map.of("k1", OLD), "k1");
        Sealed sealed = cipher.seal("张三 13812345678", CONTEXT);
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.toString()).doesNotContain("13812345678").doesNotContain("张三");
        assertThat(cipher.open(sealed, CONTEXT)).isEqualTo("张三 13812345678");
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        FieldCipher cipher = cipher(Map.of("k1", OLD), "k1");
        assertThat(cipher.seal("13812345678", CONTEXT).data()).isNotEqualTo(cipher.seal("13812345678", CONTEXT).data());
    }

    @Test
    void afterRotationNewValuesUseTheNewKeyAndOldOnesStillDecrypt() {
        Sealed before = cipher(Map.of("k1", OLD), "k1").seal("13812345678", CONTEXT);
        FieldCipher rotated = cipher(Map.of("k1", OLD, "k2", NEW), "k2");
        assertThat(rotated.open(before, CONTEXT)).isEqualTo("13812345678");
        Sealed after = rotated.seal("13812345678", CONTEXT);
        assertThat(after.keyId()).isEqualTo("k2");
        assertThat(rotated.open(after, CONTEXT)).isEqualTo("13812345678");
    }

    @Test
    void aValueSealedWithARemovedKeyCannotBeRead() {
        Sealed before = cipher(Map.of("k1", OLD), "k1").seal("13812345678", CONTEXT);
        assertThatThrownBy(() -> cipher(Map.of("k2", NEW), "k2").open(before, CONTEXT))
                .hasMessageContaining("k1").hasMessageNotContaining("13812345678");
    }

    @Test
    void aCipherTextCopiedToAnotherApplicantOrFieldDoesNotDecrypt() {
        FieldCipher cipher = cipher(Map.of("k1", OLD), "k1");
        Sealed sealed = cipher.seal("13812345678", CONTEXT);
        assertThatThrownBy(() -> cipher.open(sealed, "profile:a2:phone")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "profile:a1:email")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedCipherTextIsRefused() {
        FieldCipher cipher = cipher(Map.of("k1", OLD), "k1");
        Sealed sealed = cipher.seal("13812345678", CONTEXT);
        byte[] data = Base64.getDecoder().decode(sealed.data());
        data[0] ^= 1;
        Sealed tampered = new Sealed(sealed.keyId(), sealed.iv(), Base64.getEncoder().encodeToString(data));
        assertThatThrownBy(() -> cipher.open(tampered, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullStaysNull() {
        FieldCipher cipher = cipher(Map.of("k1", OLD), "k1");
        assertThat(cipher.seal(null, CONTEXT)).isNull();
        assertThat(cipher.open(null, CONTEXT)).isNull();
    }

    @Test
    void refusesToStartWithoutAUsableActiveKey() {
        assertThatThrownBy(() -> cipher(Map.of("k1", OLD), "k9")).hasMessageContaining("active-key");
        assertThatThrownBy(() -> cipher(Map.of("k1", "c2hvcnQ="), "k1")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> cipher(Map.of("k1", "not base64!"), "k1")).hasMessageContaining("base64");
    }

    @Test
    void blindIndexIsStableForEqualValuesAndDependsOnTheKey() {
        BlindIndex index = new BlindIndex(new CryptoProperties(Map.of(), null, INDEX));
        BlindIndex otherKey = new BlindIndex(new CryptoProperties(Map.of(), null, NEW));
        assertThat(index.of("11010519491231002X")).isEqualTo(index.of("11010519491231002X"))
                .isNotEqualTo(index.of("110105194912310038"))
                .isNotEqualTo(otherKey.of("11010519491231002X"))
                .doesNotContain("11010519491231002X");
    }
}
