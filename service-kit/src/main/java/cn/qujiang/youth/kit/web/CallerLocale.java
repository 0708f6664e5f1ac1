package cn.qujiang.youth.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The caller's language for answers given before Spring MVC resolves it (filters, security entry points): the
 * servlet container falls back to the JVM's locale when a request names none, which made refusals English on an
 * English machine. Without {@code Accept-Language} the answer is Chinese, as everywhere else in the suite.
 */
public final class CallerLocale {
    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    private CallerLocale() {
    }

    public static Locale of(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header == null || header.isBlank() ? DEFAULT : RequestContextUtils.getLocale(request);
    }
}
