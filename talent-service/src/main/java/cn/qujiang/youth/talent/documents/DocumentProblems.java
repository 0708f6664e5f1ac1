package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.kit.web.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Refused uploads as problems with a field error on {@code file} (or the field at fault), in the caller's
 * language, so the app can say what is wrong beside the file picker. Multipart is resolved lazily (configuration),
 * so even the container's size limit lands here rather than before a controller is known.
 */
@RestControllerAdvice(basePackageClasses = DocumentProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {
    private final Problems problems;
    private final DocumentProperties properties;

    DocumentProblems(Problems problems, DocumentProperties properties) {
        this.problems = problems;
        this.properties = properties;
    }

    @ExceptionHandler(DocumentRefusal.class)
    ResponseEntity<ProblemDetail> refused(DocumentRefusal e, Locale locale) {
        String code = e.reason().name();
        ProblemDetail problem = problems.of(e.reason().status(), code, locale, e.args());
        problem.setProperty("errors", List.of(Map.of("field", "file", "code", code,
                "message", problem.getDetail())));
        return respond(problem);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return refused(new DocumentRefusal(DocumentRefusal.Reason.DOCUMENT_TOO_LARGE,
                properties.maxSize().toMegabytes()), locale);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, Locale locale) {
        return field(e.getRequestPartName(), "talent.document.partMissing", locale);
    }

    @ExceptionHandler(DocumentService.DocumentFieldError.class)
    ResponseEntity<ProblemDetail> field(DocumentService.DocumentFieldError e, Locale locale) {
        return field(e.field(), e.messageKey(), locale);
    }

    private ResponseEntity<ProblemDetail> field(String field, String key, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", problems.text(key, locale))));
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
