package cn.qujiang.youth.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The header-value rule gives Spring Security's default verdict for every character and for whole values. */
class HeaderValuesTest {
    /** StrictHttpFirewall's default for header values (Spring Security 7.0). */
    private static final Pattern SPRING_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointGetsTheDefaultVerdict() {
        List<String> differing = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String value = "a" + Character.toString(codePoint) + "z";
            if (HeaderValues.allowed(value) != SPRING_DEFAULT.matcher(value).matches()) {
                differing.add(Integer.toHexString(codePoint));
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void wholeValuesGetTheDefaultVerdict() {
        String token = "Bearer eyJhbGciOiJSUzI1NiJ9." + "eyJzdWIiOiJhIn0".repeat(80) + ".c2lnbmF0dXJl-_";
        List<String> values = List.of("", token, "zh-CN,zh;q=0.9", "a\tb", "张三 申请", "emoji \uD83D\uDE00",
                "lone \uD800 surrogate", "bell\u0007", "line\nbreak", "del\u007F", "c1\u0085", "unassigned\u0378",
                "Bearer abc\u0000");
        for (String value : values) {
            assertThat(HeaderValues.allowed(value)).as(value).isEqualTo(SPRING_DEFAULT.matcher(value).matches());
        }
        assertThat(HeaderValues.allowed(token)).isTrue();
        assertThat(HeaderValues.allowed("c1\u0085")).isFalse();
    }
}
