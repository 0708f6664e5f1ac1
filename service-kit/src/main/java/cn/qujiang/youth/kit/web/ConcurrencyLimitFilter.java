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
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {
    static final long RETRY_AFTER_SECONDS = 1;

    private final Semaphore places;
    private final long queueWaitNanos;
    private final Problems problems;

    public ConcurrencyLimitFilter(int maxConcurrent, Duration queueWait, Problems problems) {
        this.places = new Semaphore(maxConcurrent, true);
        this.queueWaitNanos = queueWait.toNanos();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
            Problems.write(request, response, problems.of(HttpStatus.SERVICE_UNAVAILABLE, "OVERLOADED",
                    CallerLocale.of(request), RETRY_AFTER_SECONDS));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }
}
