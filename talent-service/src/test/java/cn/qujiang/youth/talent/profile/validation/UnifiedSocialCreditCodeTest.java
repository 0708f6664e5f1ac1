package cn.qujiang.youth.talent.profile.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91330100716105852F", // a Hangzhou company, as printed on its public business licence
            "9144030071526726XG", // a Shenzhen company
            "914403001922038216", // a Shenzhen company
            "91330803MA29T0XJ13"  // Qujiang address code 330803, check character computed below
    })
    void acceptsValidCodes(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @Test
    void acceptsLowerCaseAndSurroundingBlanks() {
        assertThat(UnifiedSocialCreditCode.isValid(" 91330100716105852f ")).isTrue();
    }

    /** The standard's formula written out independently: weight of position i (0-based) is 3^i mod 31. */
    static char independentCheck(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return alphabet.charAt((31 - sum % 31) % 31);
    }

    @Test
    void computesTheSameCheckCharacterAsTheIndependentFormula() {
        for (String first17 : new String[] {"91330803MA29T0XJ1", "12330800002705211", "52330803MJ0000011",
                "91330100716105852", "93330803MA2DPL7Q0"}) {
            assertThat(UnifiedSocialCreditCode.checkCharacter(first17)).isEqualTo(independentCheck(first17));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91330100716105852E", // wrong check character
            "91330100716105852",  // 17 characters
            "91330100716105852FF",
            "9133010071610585IF", // I is not in the alphabet
            "91330100716105852O",
            "9A330100716105852F", // the address code must be digits
            ""
    })
    void refusesInvalidCodes(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
    }
}
