package cn.qujiang.youth.gateway.web;

import io.micrometer.context.ContextRegistry;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * W3C trace context for every request: keeps the caller's trace id ({@code traceparent}) or starts a new trace,
 * forwards it downstream with the gateway's own span id as parent, echoes it to the caller and puts the trace id
 * into the gateway's log lines of the request (MDC {@code traceId}): the access log line and the error lines set it
 * with {@link #withTraceId}, code in a {@code handle} or {@code tap} operator gets it from the Reactor context
 * (context propagation "limited": restoring it around every signal cost a tenth of the CPU). Runs before
 * everything else so that even a rejected request can be traced. Ends each request with one access-log line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Correlation implements WebFilter {
    public static final String HEADER = "traceparent";
    public static final String MDC_KEY = "traceId";
    private static final Pattern TRACEPARENT =
            Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);
    private static final Logger ACCESS = LoggerFactory.getLogger("cn.qujiang.youth.gateway.access");

    static {
        // Reactor restores this thread-local from the request's context in handle and tap operators.
        ContextRegistry.getInstance().registerThreadLocalAccessor(MDC_KEY,
                () -> MDC.get(MDC_KEY), value -> MDC.put(MDC_KEY, value), () -> MDC.remove(MDC_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent = forward(exchange.getRequest().getHeaders().getFirst(HEADER));
        String traceId = traceparent.substring(3, 35);
        exchange.getAttributes().put(MDC_KEY, traceId);
        ServerWebExchange traced = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, traceparent)))
                .build();
        traced.getResponse().beforeCommit(() -> {
            traced.getResponse().getHeaders().set(HEADER, traceparent);
            return Mono.empty();
        });
        long start = System.nanoTime();
        return chain.filter(traced)
                .doFinally(signal -> logAccess(traced, start))
                .contextWrite(Context.of(MDC_KEY, traceId));
    }

    /** The trace id of this request (shared by every mutated copy of the exchange), null before this filter ran. */
    public static String traceId(ServerWebExchange exchange) {
        return exchange.getAttribute(MDC_KEY);
    }

    /**
     * The {@code traceparent} to send downstream: same trace id and flags as the caller's (when valid), a new
     * parent id for the gateway's hop; a fresh sampled trace when the caller sent none or an invalid one.
     */
    static String forward(String incoming) {
        Matcher matcher = incoming == null ? null : TRACEPARENT.matcher(incoming);
        if (matcher != null && matcher.matches() && !"ff".equals(matcher.group(1))
                && !INVALID_TRACE_ID.equals(matcher.group(2)) && !INVALID_SPAN_ID.equals(matcher.group(3))) {
            return "00-" + matcher.group(2) + "-" + random(8) + "-" + matcher.group(4);
        }
        return "00-" + random(16) + "-" + random(8) + "-01";
    }

    /** Runs {@code logging} with this request's trace id in the MDC, for code outside the reactive context. */
    public static void withTraceId(ServerWebExchange exchange, Runnable logging) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, traceId(exchange));
        try {
            logging.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    private static void logAccess(ServerWebExchange exchange, long start) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        // path only: query strings may carry personal data
        withTraceId(exchange, () -> ACCESS.info("{} {} {} {}ms", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), status == null ? 200 : status.value(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
    }

    /**
     * Trace and span ids need to be unique, not secret (W3C Trace Context: never used for security): a thread-local
     * generator, where {@code SecureRandom} took a lock shared by every event loop and read {@code /dev/urandom}
     * for nearly every request.
     */
    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
