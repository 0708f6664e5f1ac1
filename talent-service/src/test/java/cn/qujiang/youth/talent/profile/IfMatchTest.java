package cn.qujiang.youth.talent.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.kit.web.ApiException;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void takesTheVersionFromEitherPlaceAndBothWhenTheyAgree() {
        assertThat(IfMatch.expected(3L, null)).isEqualTo(3L);
        assertThat(IfMatch.expected(null, "W/\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.expected(3L, "\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.expected(null, null)).isNull();
    }

    @Test
    void twoVersionsThatDisagreeAreRefusedNotResolved() {
        assertThatThrownBy(() -> IfMatch.expected(2L, "\"3\""))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(412);
                    assertThat(e.code()).isEqualTo("VERSION_DISAGREES");
                });
    }

    @Test
    void aHeaderThatIsNoVersionIsABadParameter() {
        for (String header : new String[] {"\"-1\"", "*", "\"1\", \"2\"", "99999999999999999999"}) {
            assertThatThrownBy(() -> IfMatch.expected(null, header)).as(header)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_PARAMETER"));
        }
    }
}
