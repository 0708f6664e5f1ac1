package cn.qujiang.youth.kit.security;

import cn.qujiang.youth.kit.web.CallerLocale;
import cn.qujiang.youth.kit.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, like every other error of the suite: code and trace id at the top level; a token that
 * cannot be checked because Keycloak is unreachable is a 503 with Retry-After.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {
    /** Keycloak restarting takes seconds; an app's polite retry (at most 10 s of waiting) may try once more. */
    static final long IDENTITY_RETRY_AFTER_SECONDS = 5;

    private final Problems problems;

    public ProblemSecurityHandlers(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            // The token could not be checked at all (Keycloak's keys unreachable): not the caller's fault, and no
            // WWW-Authenticate, which would make an app drop a token that is fine.
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(IDENTITY_RETRY_AFTER_SECONDS));
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "IDENTITY_PROVIDER_UNAVAILABLE");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        Problems.write(request, response, problems.of(status, code, CallerLocale.of(request)));
    }
}
