package cn.qujiang.youth.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured size with 413 before anything reads them. Upload routes
 * ({@code uploadPaths}, Ant patterns) have their own, larger limit; every other path keeps the small one.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final long maxUploadBytes;
    private final UploadPaths uploadPaths;
    private final Problems problems;

    public BodySizeLimitFilter(long maxBytes, long maxUploadBytes, List<String> uploadPaths, Problems problems) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPaths = new UploadPaths(uploadPaths);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = uploadPaths.matches(request.getRequestURI()) ? maxUploadBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            Problems.write(request, response, problems.of(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE",
                    CallerLocale.of(request), limit));
            return;
        }
        chain.doFilter(request, response);
    }
}
