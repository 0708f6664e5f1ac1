package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.documents.DocumentService.ApplicationDocuments;
import cn.qujiang.youth.talent.documents.Requirements.RequirementView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The resident's documents: upload (multipart, spooled to disk by the container, never held whole), list, own
 * download, removal while unused, and where a measure's or an application's documents stand.
 */
@RestController
@RequestMapping("/api/talent/me")
class DocumentController {
    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    /** A measure's or an application's documents for the resident. */
    record ResidentDocuments(boolean documentsLater, List<RequirementView> requirements, List<OwnDocument> documents) {
    }

    @Operation(summary = "Upload a document to my profile (attached to an application when I apply); the type is "
            + "detected from the bytes: PDF, JPEG, PNG or HEIC, at most 10 MB")
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OwnDocument upload(Authentication authentication, @RequestPart("file") MultipartFile file,
            @RequestParam("requirement") String requirement) throws IOException {
        return receive(me(authentication), null, requirement, file);
    }

    @Operation(summary = "Upload a document to one of my open applications (e.g. after the officer asked for it)")
    @PostMapping(path = "/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OwnDocument uploadToApplication(Authentication authentication, @PathVariable String id,
            @RequestPart("file") MultipartFile file, @RequestParam("requirement") String requirement)
            throws IOException {
        return receive(me(authentication), id, requirement, file);
    }

    @Operation(summary = "My documents")
    @GetMapping("/documents")
    List<OwnDocument> list(Authentication authentication) {
        return documents.listOwn(me(authentication)).stream().map(this::own).toList();
    }

    @Operation(summary = "Download one of my documents")
    @GetMapping("/documents/{documentId}/content")
    void content(Authentication authentication, @PathVariable String documentId, HttpServletResponse response)
            throws IOException {
        DocumentRecord document = documents.own(me(authentication), documentId);
        DocumentContent.write(response, document, documents.content(document), false);
    }

    @Operation(summary = "Remove a document no application uses (409 DOCUMENT_IN_USE otherwise)")
    @DeleteMapping("/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Authentication authentication, @PathVariable String documentId) {
        documents.deleteOwn(me(authentication), documentId);
    }

    @Operation(summary = "The documents a measure asks for and which of them I have uploaded")
    @GetMapping("/measures/{code}/documents")
    ResidentDocuments forMeasure(Authentication authentication, @PathVariable String code, Locale locale) {
        return resident(documents.forMeasure(me(authentication), code, locale));
    }

    @Operation(summary = "The documents of one of my applications: each required one present, missing or rejected "
            + "(with the officer's reason)")
    @GetMapping("/applications/{id}/documents")
    ResidentDocuments forApplication(Authentication authentication, @PathVariable String id, Locale locale) {
        return resident(documents.forOwnApplication(me(authentication), id, locale));
    }

    private ResidentDocuments resident(ApplicationDocuments found) {
        return new ResidentDocuments(found.documentsLater(), found.requirements(),
                found.documents().stream().map(this::own).toList());
    }

    private OwnDocument receive(String applicantId, String applicationId, String requirement, MultipartFile file)
            throws IOException {
        Path spooled = Files.createTempFile("upload-", ".bin");
        try {
            file.transferTo(spooled);
            Upload upload = new Upload(spooled, Files.size(spooled), file.getOriginalFilename(), file.getContentType());
            return own(documents.upload(applicantId, applicationId, requirement, upload));
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private OwnDocument own(DocumentRecord document) {
        return OwnDocument.of(document, documents.nameOf(document));
    }

    private static String me(Authentication authentication) {
        return Caller.of(authentication).id();
    }
}
