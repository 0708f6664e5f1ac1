package cn.qujiang.youth.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load early and politely. On two cores a service does its best work with a few dozen requests in flight;
 * Tomcat would accept two hundred, and under a burst they all wait on the CPU and the database together until
 * callers time out (at 100 profile saves a second, 30 s timeouts through the gateway). Here a request waits at most
 * {@code queueWait} for one of {@code maxConcurrent} places, else it is answered at once with 503 OVERLOADED and
 * {@code Retry-After}, which the app and the gateway's clients honour. Health and metrics are never refused.
 * File uploads (multipart requests to {@link UploadPaths}) hold a place for seconds: fifty of them would take every
 * place and leave profile reads and writes refused, so they get a small budget of their own ({@link UploadBudget}),
 * with a longer wait (an upload waiting has not sent its body yet and holds no memory).
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {
    static final long RETRY_AFTER_SECONDS = 1;

    private final Places general;
    private final Places uploads;
    private final UploadPaths uploadPaths;
    private final Problems problems;

    /** The uploads' own places: {@code maxConcurrent} 0 or no paths = uploads share the general places. */
    public record UploadBudget(UploadPaths paths, int maxConcurrent, Duration queueWait) {
        public static final UploadBudget NONE = new UploadBudget(UploadPaths.NONE, 0, Duration.ZERO);
    }

    public ConcurrencyLimitFilter(int maxConcurrent, Duration queueWait, Problems problems) {
        this(maxConcurrent, queueWait, UploadBudget.NONE, problems);
    }

    public ConcurrencyLimitFilter(int maxConcurrent, Duration queueWait, UploadBudget uploads, Problems problems) {
        this.general = new Places(maxConcurrent, queueWait);
        boolean own = uploads.maxConcurrent() > 0 && !uploads.paths().patterns().isEmpty();
        this.uploads = own ? new Places(uploads.maxConcurrent(), uploads.queueWait()) : general;
        this.uploadPaths = own ? uploads.paths() : UploadPaths.NONE;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Places places = isUpload(request) ? uploads : general;
        if (!places.enter()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
            Problems.write(request, response, problems.of(HttpStatus.SERVICE_UNAVAILABLE, "OVERLOADED",
                    CallerLocale.of(request), RETRY_AFTER_SECONDS));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.leave();
        }
    }

    /** A multipart body to an upload route; listing or downloading on the same path is an ordinary request. */
    private boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, 10)
                && uploadPaths.matches(request.getRequestURI());
    }

    private static final class Places {
        private final Semaphore semaphore;
        private final long waitNanos;

        Places(int count, Duration wait) {
            this.semaphore = new Semaphore(count, true);
            this.waitNanos = wait.toNanos();
        }

        boolean enter() {
            try {
                return semaphore.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void leave() {
            semaphore.release();
        }
    }
}
