package cn.qujiang.youth.kit.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a request into an RFC 9457 problem with a stable code. Texts never echo the request body,
 * so no personal data ends up in an error response or a log line. The language is the one Spring MVC resolved
 * ({@link LocaleContextHolder}: Chinese without Accept-Language), never {@code WebRequest.getLocale()}, which is the
 * servlet container's and falls back to the JVM's locale.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;

    public ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, Locale locale) {
        ProblemDetail problem = problems.of(e.status(), e.code(), locale, e.args());
        if (!e.reasons().isEmpty()) {
            problem.setProperty("reasons", e.reasons());
        }
        e.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        e.retryAfter().ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER,
                Long.toString(ApiException.retryAfterSeconds(wait))));
        return respond(problem, headers);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> stale(OptimisticLockingFailureException e, Locale locale) {
        return respond(problems.of(HttpStatus.CONFLICT, "STALE_VERSION", locale));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, Locale locale) {
        return respond(problems.of(HttpStatus.CONFLICT, "DUPLICATE", locale));
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> storageDown(DataAccessResourceFailureException e, Locale locale) {
        log.warn("storage unavailable: {}", e.getClass().getSimpleName());
        return respond(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "STORAGE_UNAVAILABLE", locale));
    }

    /** Bean Validation on a {@code @Validated} bean's method: the caller's input, not a failure of ours. */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(jakarta.validation.ConstraintViolationException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale);
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(violation -> Map.of("field", lastNode(violation.getPropertyPath().toString()),
                        "message", String.valueOf(violation.getMessage())))
                .toList());
        return respond(problem);
    }

    private static String lastNode(String propertyPath) {
        // "list.arg2" or "list.size": the parameter, not the Java method
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", locale, e.getName());
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "code", "TYPE_MISMATCH")));
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", LocaleContextHolder.getLocale());
        problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream().map(this::fieldError).toList());
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", LocaleContextHolder.getLocale());
        problem.setProperty("errors", e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of("field", result.getMethodParameter().getParameterName() == null ? ""
                                : result.getMethodParameter().getParameterName(),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList());
        return respond(problem);
    }

    /**
     * Valid JSON naming a field the client may not set, carrying a value of the wrong kind ({@link StrictJson}) or an
     * unsafe text, or naming a field twice, gets a field error like Bean Validation's, so the app can point at the
     * field; otherwise broken JSON is MALFORMED_BODY. The message never echoes the value.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String key = mismatch instanceof UnrecognizedPropertyException ? "problem.field.notAllowed"
                    : mismatch instanceof StrictJson.UnsafeTextException ? "problem.field.unsafeText"
                    : "problem.field.invalidValue";
            return fieldProblem(path(mismatch), key, locale);
        }
        if (cause instanceof StreamReadException read && read.processor() != null
                && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate")) {
            return fieldProblem(duplicatePath(read.processor()), "problem.field.duplicate", locale);
        }
        return respond(problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", locale));
    }

    private ResponseEntity<Object> fieldProblem(String field, String key, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", problems.text(key, locale))));
        return respond(problem);
    }

    /** "education.degree": the property named twice, under the objects the parser was in. */
    private static String duplicatePath(JsonParser parser) {
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        for (TokenStreamContext context = parser.streamReadContext(); context != null; context = context.getParent()) {
            if (context.currentName() != null) {
                names.push(context.currentName());
            } else if (context.inArray()) {
                names.push("[" + context.getCurrentIndex() + "]");
            }
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** A required query parameter left out: a field error naming it, as for a field of a body. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(e.getParameterName(), "problem.field.required", LocaleContextHolder.getLocale());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", LocaleContextHolder.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", LocaleContextHolder.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", LocaleContextHolder.getLocale(), "resource"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getProperties() != null
                && detail.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        return respond(problems.of(status, Problems.codeFor(status), LocaleContextHolder.getLocale(), "resource"));
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<Object> forbidden(org.springframework.security.access.AccessDeniedException e, Locale locale) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, Locale locale) {
        log.error("unexpected failure: {}", e.getClass().getName(), e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", locale));
    }

    private Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return respond(problem, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
