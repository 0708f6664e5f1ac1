package cn.qujiang.youth.gateway.web;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies above {@code qujiang.web.max-body-size} with 413: at once when Content-Length says so,
 * otherwise (chunked upload) as soon as the streamed body passes the limit, before the service sees all of it.
 * Part of the security filter chain, so it runs before a token is even checked.
 */
public class BodySizeLimit implements WebFilter {
    private final long maxBytes;
    private final Problems problems;

    public BodySizeLimit(WebProperties properties, Problems problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", maxBytes);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, maxBytes)).build());
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
