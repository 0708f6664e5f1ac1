package cn.qujiang.youth.kit.web;

import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A domain refusal with a stable problem code. The code selects the localized detail text
 * ({@code problem.<code>} in the message bundles); {@code args} fill its placeholders and must never be personal data.
 * {@code reasons} are further stable codes, e.g. why an application is not accepted; {@link #with} adds further
 * members to the problem (e.g. which documents are missing), never personal data.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final List<String> reasons;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public ApiException(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public ApiException(HttpStatus status, String code, List<String> reasons, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.reasons = List.copyOf(reasons);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what);
    }

    public static ApiException conflict(String code, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, code, args);
    }

    /**
     * 503: a dependency cannot answer now, or the service is too busy; the caller may try again after
     * {@code retryAfter} (Retry-After, whole seconds, at least 1), which is also the detail text's {@code {0}}.
     */
    public static ApiException unavailable(String code, Duration retryAfter) {
        ApiException e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, retryAfterSeconds(retryAfter));
        e.retryAfter = retryAfter;
        return e;
    }

    static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, retryAfter.toSeconds());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<String> reasons() {
        return reasons;
    }

    /** Adds a member to the problem body. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** When the caller may try again (the Retry-After header), if it was said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
