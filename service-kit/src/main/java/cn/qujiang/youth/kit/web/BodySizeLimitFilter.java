package cn.qujiang.youth.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses request bodies over the configured size with 413 before anything reads them. */
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final Problems problems;

    public BodySizeLimitFilter(long maxBytes, Problems problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(request, response, problems.of(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE",
                    CallerLocale.of(request), maxBytes));
            return;
        }
        chain.doFilter(request, response);
    }
}
