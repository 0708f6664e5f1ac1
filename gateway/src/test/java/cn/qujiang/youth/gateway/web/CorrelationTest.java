package cn.qujiang.youth.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationTest {
    private static final String W3C = "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

    @Test
    void keepsTheCallersTraceAndFlagsWithTheGatewayAsNewParent() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String forwarded = Correlation.forward(incoming);
        assertThat(forwarded).matches(W3C).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
                .isNotEqualTo(incoming);
    }

    @Test
    void startsANewTraceWhenTheCallerSentNoneOrAnInvalidOne() {
        assertThat(Correlation.forward(null)).matches(W3C);
        assertThat(Correlation.forward("garbage")).matches(W3C);
        assertThat(Correlation.forward("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .doesNotContain("00000000000000000000000000000000");
        assertThat(Correlation.forward(null)).isNotEqualTo(Correlation.forward(null));
    }
}
