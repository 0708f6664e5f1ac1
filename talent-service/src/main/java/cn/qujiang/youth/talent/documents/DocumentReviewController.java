package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.documents.DocumentService.ApplicationDocuments;
import cn.qujiang.youth.talent.documents.Requirements.RequirementView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers and an application's documents: the list with each required document's state, a preview or download
 * (recorded before it is served: who, when, which file), accept or reject with a reason, and every view so far.
 */
@RestController
@RequestMapping("/api/talent/review/applications/{id}/documents")
class DocumentReviewController {
    private final DocumentService documents;

    DocumentReviewController(DocumentService documents) {
        this.documents = documents;
    }

    /** A document for the officer: what it proves (in words), no file name of the resident's. */
    record ReviewDocument(String id, String requirement, String requirementName, String contentType, long size,
            boolean previewable, String status, String reason, String reviewedByName, Instant reviewedAt,
            Instant uploadedAt) {
    }

    record ViewRecord(String documentId, String requirementName, String byName, Instant at) {
    }

    record ReviewDocuments(boolean documentsLater, List<RequirementView> requirements, List<ReviewDocument> documents,
            List<ViewRecord> views) {
    }

    enum Verdict { ACCEPT, REJECT }

    /** {@code reason} is required for REJECT: the resident reads it. */
    record ReviewRequest(@NotNull Verdict decision, @Size(max = 500) String reason) {
    }

    @Operation(summary = "The application's documents: each required one present, missing, accepted or rejected, "
            + "and every view of a file by an officer")
    @GetMapping
    ReviewDocuments list(@PathVariable String id, Locale locale) {
        ApplicationDocuments found = documents.forReview(id, locale);
        Map<String, String> names = found.requirements().stream()
                .collect(Collectors.toMap(RequirementView::key, RequirementView::name, (a, b) -> a));
        Map<String, DocumentRecord> byId = found.documents().stream()
                .collect(Collectors.toMap(DocumentRecord::id, Function.identity()));
        return new ReviewDocuments(found.documentsLater(), found.requirements(),
                found.documents().stream().map(document -> view(document, names)).toList(),
                found.views().stream().map(view -> new ViewRecord(view.documentId(),
                        byId.containsKey(view.documentId())
                                ? names.get(byId.get(view.documentId()).requirement()) : null,
                        view.byName(), view.at())).toList());
    }

    @Operation(summary = "Preview (inline, PDF and images) or download a document; the view is recorded first")
    @GetMapping("/{documentId}/content")
    void content(Authentication authentication, @PathVariable String id, @PathVariable String documentId,
            @RequestParam(defaultValue = "false") boolean download, HttpServletResponse response) throws IOException {
        Caller officer = Caller.of(authentication);
        DocumentRecord document = documents.openForOfficer(id, documentId, officer.id(), officer.username());
        DocumentContent.write(response, document, documents.content(document), !download);
    }

    @Operation(summary = "Accept or reject a document (a rejection needs a reason, which the resident reads)")
    @PostMapping(path = "/{documentId}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewDocument review(Authentication authentication, @PathVariable String id, @PathVariable String documentId,
            @Valid @RequestBody ReviewRequest request, Locale locale) {
        Caller officer = Caller.of(authentication);
        DocumentRecord reviewed = documents.review(id, documentId, request.decision() == Verdict.ACCEPT,
                request.reason(), officer.id(), officer.username());
        Map<String, String> names = documents.forReview(id, locale).requirements().stream()
                .collect(Collectors.toMap(RequirementView::key, RequirementView::name, (a, b) -> a));
        return view(reviewed, names);
    }

    private static ReviewDocument view(DocumentRecord document, Map<String, String> names) {
        DocumentRecord.Review review = document.review();
        return new ReviewDocument(document.id(), document.requirement(), names.get(document.requirement()),
                document.type().mediaType(), document.size(), document.type().previewable(), document.status().name(),
                review == null ? null : review.reason(), review == null ? null : review.byName(),
                review == null ? null : review.at(), document.uploadedAt());
    }
}
