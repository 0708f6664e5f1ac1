package cn.qujiang.youth.kit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a stable {@code code} and a detail text in the caller's language
 * (Chinese by default). Used by the MVC advice and by the security entry points alike.
 */
public final class Problems {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(HttpStatusCode status, String code, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, defaultTitle(status), locale));
        problem.setDetail(messages.getMessage("problem." + code, args, code, locale));
        problem.setProperty("code", code);
        return problem;
    }

    /** Writes a problem as the response, for filters that answer before Spring MVC does. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    /** A text of the message bundles in the caller's language, the key itself when missing. */
    public String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String defaultTitle(HttpStatusCode status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
