package cn.qujiang.youth.gateway.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies above {@code qujiang.web.max-body-size} with 413: at once when Content-Length says so,
 * otherwise (chunked upload) as soon as the streamed body passes the limit, before the service sees all of it.
 * Part of the security filter chain, so it runs before a token is even checked. Upload routes
 * ({@code qujiang.web.upload-paths}) get {@code max-upload-size}; every other route keeps the small limit.
 */
public class BodySizeLimit implements WebFilter {
    private final long maxBytes;
    private final long maxUploadBytes;
    private final List<PathPattern> uploadPaths;
    private final Problems problems;

    public BodySizeLimit(WebProperties properties, Problems problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.maxUploadBytes = properties.maxUploadSize().toBytes();
        this.uploadPaths = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = uploadPaths.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()))
                ? maxUploadBytes : maxBytes;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", limit);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    private static final class CountingRequest extends ServerHttpRequestDecorator {
        private final long maxBytes;

        CountingRequest(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new PayloadTooLargeException());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
