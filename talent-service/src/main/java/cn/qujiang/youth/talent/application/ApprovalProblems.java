package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.web.Problems;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused approval as the officer (or the applicant accepting an offer) reads it: the measures by their titles in
 * the caller's language, with the codes beside them for the console. Measure codes and titles only, never anything
 * about the applicant beyond what the caller already sees. Ordered before the kit's catch-all advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalProblems {
    private static final LocalizedText QUOTED = LocalizedText.of("“%s”", "\"%s\"");
    private static final LocalizedText LIST_SEPARATOR = LocalizedText.of("、", ", ");
    private final Problems problems;
    private final CatalogueReplica catalogue;

    ApprovalProblems(Problems problems, CatalogueReplica catalogue) {
        this.problems = problems;
        this.catalogue = catalogue;
    }

    @ExceptionHandler(ApprovalRefusedException.Excluded.class)
    ResponseEntity<ProblemDetail> excluded(ApprovalRefusedException.Excluded e, Locale locale) {
        Map<String, String> titles = titles(Stream.concat(Stream.of(e.measureCode()), e.excludedBy().stream())
                .toList(), locale);
        String excluding = e.excludedBy().stream().map(code -> QUOTED.in(locale).formatted(titles.get(code)))
                .collect(Collectors.joining(LIST_SEPARATOR.in(locale)));
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "APPROVAL_EXCLUDED", locale,
                titles.get(e.measureCode()), excluding);
        problem.setProperty("measureCode", e.measureCode());
        problem.setProperty("excludedBy", e.excludedBy());
        return respond(problem);
    }

    @ExceptionHandler(ApprovalRefusedException.NotEligible.class)
    ResponseEntity<ProblemDetail> notEligible(ApprovalRefusedException.NotEligible e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "APPROVAL_NOT_ELIGIBLE", locale,
                titles(List.of(e.measureCode()), locale).get(e.measureCode()));
        problem.setProperty("measureCode", e.measureCode());
        if (e.outcome() != null) {
            problem.setProperty("outcome", e.outcome().name());
        }
        return respond(problem);
    }

    /** Title in the caller's language by code; the code itself for a measure the replica does not know. */
    private Map<String, String> titles(List<String> codes, Locale locale) {
        Map<String, MeasurePublished> measures = catalogue.findAll(codes);
        return codes.stream().distinct().collect(Collectors.toMap(code -> code, code -> measures.containsKey(code)
                ? measures.get(code).title().in(locale) : code));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
