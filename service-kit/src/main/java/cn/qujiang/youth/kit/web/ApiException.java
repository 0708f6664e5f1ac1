package cn.qujiang.youth.kit.web;

import java.util.LinkedHashMap;
import java.util.List;
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

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
