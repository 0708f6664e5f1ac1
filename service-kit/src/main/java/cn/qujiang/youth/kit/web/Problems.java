package cn.qujiang.youth.kit.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with a stable {@code code} and a detail text in the caller's language
 * (Chinese by default). Used by the MVC advice and by the security entry points alike.
 */
public final class Problems {
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

    /** A text of the message bundles in the caller's language, the key itself when missing. */
    public String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String defaultTitle(HttpStatusCode status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
