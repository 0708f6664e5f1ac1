package cn.qujiang.youth.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a stable {@code code}, the trace id and a detail text in the caller's
 * language (Chinese by default). Used by the MVC advice, the security entry points, the filters that answer before
 * Spring MVC, the error page and the servlet container's own error report alike, so every refusal has one shape.
 */
public final class Problems {
    /** With Spring's mixin, as MVC writes them: {@code code} and {@code traceId} at the top level. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A problem with {@code detail} from {@code problem.<code>}. Text and enum arguments naming a thing ("profile",
     * a status) are worded in the caller's language ({@code problem.thing.<arg>}, when the bundles have it), so a
     * detail never mixes two languages.
     */
    public ProblemDetail of(HttpStatusCode status, String code, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, defaultTitle(status), locale));
        Object[] worded = Arrays.stream(args).map(arg -> arg instanceof String || arg instanceof Enum<?>
                ? messages.getMessage("problem.thing." + arg, null, String.valueOf(arg), locale) : arg).toArray();
        problem.setDetail(messages.getMessage("problem." + code, worded, code, locale));
        problem.setProperty("code", code);
        String traceId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    /** The stable code of a refusal known only by its status (the container's, Spring's generic ones). */
    public static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
        }
        return switch (known) {
            case BAD_REQUEST -> "BAD_REQUEST";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case CONFLICT -> "CONFLICT";
            case PRECONDITION_FAILED -> "PRECONDITION_FAILED";
            case PRECONDITION_REQUIRED -> "PRECONDITION_REQUIRED";
            case CONTENT_TOO_LARGE -> "BODY_TOO_LARGE";
            case URI_TOO_LONG -> "URI_TOO_LONG";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "HEADERS_TOO_LARGE";
            case TOO_MANY_REQUESTS -> "RATE_LIMITED";
            case SERVICE_UNAVAILABLE -> "SERVICE_UNAVAILABLE";
            default -> known.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /**
     * Writes a problem as the response, for code that answers outside Spring MVC (filters, security entry points,
     * the error report): {@code instance} is the request's path, as MVC sets it.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(problem));
    }

    static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(problem);
    }

    /**
     * The path as a URI reference: what a URI may not hold raw (a broken request's bytes) percent-encoded, so the
     * {@code instance} of a refused request is still a valid reference.
     */
    static URI instance(String requestUri) {
        if (requestUri == null || requestUri.isEmpty()) {
            return URI.create("/");
        }
        StringBuilder safe = new StringBuilder(requestUri.length());
        for (char c : requestUri.toCharArray()) {
            if (c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`'
                    && c != '{' && c != '|' && c != '}') {
                safe.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    safe.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        try {
            return URI.create(safe.toString());
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    /** A text of the message bundles in the caller's language, the key itself when missing. */
    public String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String defaultTitle(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
