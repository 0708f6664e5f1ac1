package cn.qujiang.youth.talent.account;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationService;
import cn.qujiang.youth.talent.application.ApplicationViews.ApplicationView;
import cn.qujiang.youth.talent.documents.DocumentService;
import cn.qujiang.youth.talent.documents.OwnDocument;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import cn.qujiang.youth.talent.matches.MatchResultView;
import cn.qujiang.youth.talent.matches.MatchResultViews;
import cn.qujiang.youth.talent.profile.ProfileService;
import cn.qujiang.youth.talent.profile.ProfileView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The applicant's PIPL rights over their account: a copy of everything held, and erasure. */
@RestController
@RequestMapping("/api/talent/me")
class AccountController {
    private final ProfileService profiles;
    private final ApplicationService applications;
    private final MatchReadModel matches;
    private final MatchResultViews matchViews;
    private final ErasureService erasure;
    private final DocumentService documents;
    private final NotificationData notifications;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;

    AccountController(ProfileService profiles, ApplicationService applications, MatchReadModel matches,
            MatchResultViews matchViews, ErasureService erasure, DocumentService documents,
            NotificationData notifications, JsonMapper json, MessageSource messages, Clock clock) {
        this.profiles = profiles;
        this.applications = applications;
        this.matches = matches;
        this.matchViews = matchViews;
        this.erasure = erasure;
        this.documents = documents;
        this.notifications = notifications;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param notifications what notification-service holds: {@code inbox} (messages as read), {@code preferences}
     *                      (channels, language, SMS quiet hours), {@code deliveries} (channel, template, times,
     *                      status, masked address, attempts) and {@code untoldNews} (measures newly qualified for,
     *                      not told yet)
     */
    record Export(String applicantId, Instant exportedAt, ProfileView profile, Long matchedProfileVersion,
            List<MatchResultView> matches, List<ApplicationView> applications, List<OwnDocument> documents,
            @Schema(description = "What notification-service holds about me: inbox, preferences (channels, "
                    + "language, SMS quiet hours), the delivery log (channel, template, times, status, masked "
                    + "address) and news not told yet (untoldNews)") Map<String, Object> notifications) {
    }

    @Operation(summary = "Everything held about me, decrypted for me only; the documents are listed (the files "
            + "themselves: /export/archive)")
    @GetMapping("/export")
    ResponseEntity<Export> export(Authentication authentication, Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("qujiang-youth-my-data.json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(collect(Caller.of(authentication).id(), locale));
    }

    /**
     * The same export with every document file, decrypted, as a zip streamed as it is written: files are binary
     * and up to 10 MB each, so base64 inside the JSON would make it a third larger and need the whole export
     * assembled in memory; a zip also opens with any file manager.
     */
    @Operation(summary = "Everything held about me with my document files: a zip of the JSON export and the files")
    @GetMapping(path = "/export/archive", produces = "application/zip")
    void exportArchive(Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
        String applicantId = Caller.of(authentication).id();
        Export export = collect(applicantId, locale);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("qujiang-youth-my-data.zip").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            zip.putNextEntry(new ZipEntry("qujiang-youth-my-data.json"));
            zip.write(json.writeValueAsBytes(export));
            zip.closeEntry();
            documents.exportInto(zip, applicantId);
        }
    }

    /** notification-service's part first: when it cannot answer, the caller gets 503 rather than half a copy. */
    private Export collect(String applicantId, Locale locale) {
        Map<String, Object> held = notifications.of(applicantId, locale);
        ProfileView profile = profiles.find(applicantId)
                .map(found -> ProfileView.of(found, profiles.currentNoticeVersion())).orElse(null);
        var found = matches.find(applicantId);
        List<MatchResultView> results = found.map(m -> matchViews.of(m.results(), locale)).orElse(List.of());
        return new Export(applicantId, ServiceZone.now(clock), profile,
                found.map(m -> m.profileVersion()).orElse(null), results,
                applications.export(applicantId, locale, messages), documents.exportList(applicantId), held);
    }

    @Operation(summary = "Erase me: profile, applications and match results; other services are told to purge")
    @DeleteMapping
    @ApiResponse(responseCode = "204", description = "Erased")
    ResponseEntity<Void> erase(Authentication authentication) {
        erasure.erase(Caller.of(authentication).id());
        return ResponseEntity.noContent().build();
    }
}
