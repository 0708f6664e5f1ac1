package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.kit.web.Problems;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals an editor must be able to act on, with the details beside the expression: which criterion does not
 * compile and why, which examples disagree, which exclusions are written on one side only. Ordered before the kit's
 * catch-all advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogueProblems {
    private final Problems problems;

    CatalogueProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleChecks.RuleDoesNotCompileException.class)
    ResponseEntity<ProblemDetail> ruleDoesNotCompile(RuleChecks.RuleDoesNotCompileException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "RULE_DOES_NOT_COMPILE", locale,
                e.criterionId(), e.celMessage());
        problem.setProperty("criterion", e.criterionId());
        problem.setProperty("celMessage", e.celMessage());
        return respond(problem);
    }

    /** Incomplete drafts: the reasons, and for the grant term the field to correct with what is wrong in words. */
    @ExceptionHandler(RuleChecks.InvalidMeasureException.class)
    ResponseEntity<ProblemDetail> invalidMeasure(RuleChecks.InvalidMeasureException e, Locale locale) {
        ProblemDetail problem = problems.of(e.status(), e.code(), locale);
        problem.setProperty("reasons", e.reasons());
        problem.setProperty("errors", e.fields().stream().map(field -> Map.of("field", field.field(),
                "code", field.code(), "message", problems.text("measure.field." + field.code(), locale))).toList());
        return respond(problem);
    }

    @ExceptionHandler(RuleChecks.ExamplesDisagreeException.class)
    ResponseEntity<ProblemDetail> examplesDisagree(RuleChecks.ExamplesDisagreeException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "EXAMPLES_DISAGREE", locale,
                e.mismatches().size());
        problem.setProperty("disagreements", e.mismatches().stream()
                .map(m -> Map.of("example", m.example(), "description", m.description())).toList());
        return respond(problem);
    }

    @ExceptionHandler(ExclusionSymmetry.OneSidedExclusionException.class)
    ResponseEntity<ProblemDetail> oneSidedExclusion(ExclusionSymmetry.OneSidedExclusionException e, Locale locale) {
        String pairs = e.pairs().stream().map(pair -> pair.measure() + " → " + pair.excluded())
                .collect(Collectors.joining(", "));
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "EXCLUSION_ONE_SIDED", locale, pairs);
        problem.setProperty("oneSidedExclusions", AdminViews.exclusions(e.pairs()));
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
