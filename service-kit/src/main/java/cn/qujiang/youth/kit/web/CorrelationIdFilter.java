package cn.qujiang.youth.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the W3C trace id of the request ({@code traceparent}, set by the gateway) into every log line as
 * {@code traceId}, starting a new trace when the caller sent none, and echoes it to the caller.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {
    public static final String HEADER = "traceparent";
    public static final String MDC_KEY = "traceId";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceparent = traceparent(request.getHeader(HEADER));
        MDC.put(MDC_KEY, traceId(traceparent));
        response.setHeader(HEADER, traceparent);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The caller's {@code traceparent} when valid, else a new trace. */
    static String traceparent(String incoming) {
        return incoming != null && TRACEPARENT.matcher(incoming).matches() ? incoming
                : "00-" + random(16) + "-" + random(8) + "-01";
    }

    static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    /** The trace id this filter answered with, for code that runs after it (an error dispatch). */
    static String traceIdOf(HttpServletResponse response) {
        String traceparent = response.getHeader(HEADER);
        return traceparent == null ? null : traceId(traceparent);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
