package cn.qujiang.youth.talent.web;

import cn.qujiang.youth.kit.web.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body that is valid JSON but names a field the client may not set (owner, status, birth date …) or carries a
 * value of the wrong kind (an unknown enum constant, text for a number) gets the same field errors as Bean
 * Validation, so the app can point at the field. Broken JSON stays MALFORMED_BODY. Messages never echo the value.
 * Runs before the kit's handler; worth moving into service-kit.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyErrorsAdvice {
    private final Problems problems;
    private final MessageSource messages;

    BodyErrorsAdvice(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, Locale locale) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String key = mismatch instanceof UnrecognizedPropertyException
                    ? "talent.validation.notAllowed" : "talent.validation.invalidValue";
            ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale);
            problem.setProperty("errors", List.of(Map.of("field", path(mismatch),
                    "message", messages.getMessage(key, null, key, locale))));
            return respond(problem);
        }
        return respond(problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", locale));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
