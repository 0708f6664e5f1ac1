package cn.qujiang.youth.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Only the upload routes take bodies past the small limit, and even they only up to theirs. */
class BodySizeLimitTest {
    private final BodySizeLimit limit = new BodySizeLimit(new WebProperties(DataSize.ofKilobytes(64),
            DataSize.ofMegabytes(12), List.of("/api/talent/me/documents", "/api/talent/me/applications/*/documents")),
            new Problems(ProblemsTest.messages(), JsonMapper.builder().build()));

    @Test
    void aFiveMegabyteDocumentPassesOnTheUploadRoutesOnly() {
        assertThat(forwarded("/api/talent/me/documents", 5L << 20)).isTrue();
        assertThat(forwarded("/api/talent/me/applications/a1/documents", 5L << 20)).isTrue();
        assertThat(forwarded("/api/talent/me/profile", 5L << 20)).isFalse();
        assertThat(forwarded("/api/talent/me/applications/a1/withdraw", 100L << 10)).isFalse();
        assertThat(forwarded("/api/talent/me/applications/a1/documents", 13L << 20)).isFalse();
    }

    private boolean forwarded(String path, long length) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(path)
                .contentLength(length).build());
        AtomicBoolean reached = new AtomicBoolean();
        limit.filter(exchange, ignored -> {
            reached.set(true);
            return Mono.empty();
        }).block();
        if (!reached.get()) {
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        }
        return reached.get();
    }
}
