package cn.qujiang.youth.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Gives a problem body to the refusals reactor-netty and Spring's adapter answer with an empty body before any
 * filter runs: a request line too long (414), headers too large (431), a request Netty cannot decode (400) and a
 * path with invalid percent-encoding or characters a URI may not contain (400: {@code URISyntaxException} in
 * Spring's adapter). One instance per connection, between the HTTP codec and reactor-netty's traffic handler;
 * it remembers the language and method of the request being answered (nothing else: not the path, which may be
 * anything). Responses that already have a body or a content type, i.e. everything Spring or a service wrote,
 * pass unchanged.
 */
final class EmptyErrorBodies extends ChannelDuplexHandler {
    private final Problems problems;
    private Locale language = Problems.DEFAULT_LANGUAGE;
    private boolean head;
    private boolean decoded;

    EmptyErrorBodies(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            decoded = request.decoderResult().isSuccess();
            head = HttpMethod.HEAD.equals(request.method());
            HttpHeaders headers = new HttpHeaders();
            String acceptLanguage = decoded ? request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE) : null;
            if (acceptLanguage != null) {
                headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
            }
            language = Problems.language(headers);
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && response.status().code() >= 400
                && !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            super.write(ctx, withProblem(response), promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    private FullHttpResponse withProblem(FullHttpResponse empty) {
        HttpStatusCode status = HttpStatusCode.valueOf(empty.status().code());
        String traceparent = Correlation.forward(null);
        String traceId = traceparent.substring(3, 35);
        byte[] body = problems.bytes(language, status, code(status), null, traceId);
        FullHttpResponse problem = new DefaultFullHttpResponse(empty.protocolVersion(), empty.status(),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        problem.headers().set(empty.headers())
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(Correlation.HEADER, traceparent);
        empty.release();
        return problem;
    }

    private String code(HttpStatusCode status) {
        if (status.value() == HttpStatus.URI_TOO_LONG.value()) {
            return "URI_TOO_LONG";
        }
        if (status.value() == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()) {
            return "HEADERS_TOO_LARGE";
        }
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            // decoded by Netty but refused by Spring's adapter: the URI did not parse
            return decoded ? "INVALID_PATH" : "BAD_REQUEST";
        }
        return status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
    }
}
