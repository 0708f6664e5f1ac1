package cn.qujiang.youth.gateway.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error the gateway itself produces as RFC 9457 {@code application/problem+json}: a stable
 * {@code code}, a detail in Chinese (default) or English (by {@code Accept-Language}) and the trace id, so a caller
 * can quote it to support. The same shape the services produce, so clients parse one format.
 */
@Component
public class Problems {
    static final Locale DEFAULT_LANGUAGE = Locale.CHINESE;
    private static final List<String> LANGUAGES = List.of("zh", "en");

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, Object... args) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = json.writeValueAsBytes(body(exchange, status, code, args));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * A refusal the caller should simply repeat later (rate limit, circuit open, overloaded): {@code Retry-After} in
     * seconds, and the same number in the detail.
     */
    public Mono<Void> writeRetryLater(ServerWebExchange exchange, HttpStatusCode status, String code,
            long retryAfterSeconds) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return write(exchange, status, code, retryAfterSeconds);
    }

    Map<String, Object> body(ServerWebExchange exchange, HttpStatusCode status, String code, Object... args) {
        ServerHttpRequest request = exchange.getRequest();
        return body(language(request.getHeaders()), status, code, request.getPath().value(),
                Correlation.traceId(exchange), args);
    }

    /**
     * A problem body for a refusal given below Spring (the Netty pipeline: request line or headers too long), where
     * there is no exchange: {@code instance} is the path when known, else the trace as a URN.
     */
    public byte[] bytes(Locale locale, HttpStatusCode status, String code, String path, String traceId) {
        return json.writeValueAsBytes(body(locale, status, code, path, traceId));
    }

    private Map<String, Object> body(Locale locale, HttpStatusCode status, String code, String path, String traceId,
            Object... args) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')).toString());
        problem.put("title", messages.getMessage("problem.title." + status.value(), null, reason(status), locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage("problem." + code, args, code, locale));
        problem.put("instance", path != null ? path : "urn:trace:" + traceId);
        problem.put("code", code);
        if (traceId != null) {
            problem.put("traceId", traceId);
        }
        return problem;
    }

    /** The first supported language the caller prefers; Chinese when it names none we speak. */
    public static Locale language(HttpHeaders headers) {
        List<Locale> preferred;
        try {
            preferred = headers.getAcceptLanguageAsLocales();
        } catch (IllegalArgumentException malformed) {
            return DEFAULT_LANGUAGE;
        }
        return preferred.stream().map(Locale::getLanguage).filter(LANGUAGES::contains).findFirst()
                .map(Locale::forLanguageTag).orElse(DEFAULT_LANGUAGE);
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
