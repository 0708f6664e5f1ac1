package cn.qujiang.youth.talent.account;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationService;
import cn.qujiang.youth.talent.application.ApplicationViews.ApplicationView;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import cn.qujiang.youth.talent.matches.MatchResultView;
import cn.qujiang.youth.talent.matches.MatchResultViews;
import cn.qujiang.youth.talent.profile.ProfileService;
import cn.qujiang.youth.talent.profile.ProfileView;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
    private final MessageSource messages;
    private final Clock clock;

    AccountController(ProfileService profiles, ApplicationService applications, MatchReadModel matches,
            MatchResultViews matchViews, ErasureService erasure, MessageSource messages, Clock clock) {
        this.profiles = profiles;
        this.applications = applications;
        this.matches = matches;
        this.matchViews = matchViews;
        this.erasure = erasure;
        this.messages = messages;
        this.clock = clock;
    }

    record Export(String applicantId, Instant exportedAt, ProfileView profile, Long matchedProfileVersion,
            List<MatchResultView> matches, List<ApplicationView> applications) {
    }

    @Operation(summary = "Everything held about me, decrypted for me only")
    @GetMapping("/export")
    ResponseEntity<Export> export(Authentication authentication, Locale locale) {
        String applicantId = Caller.of(authentication).id();
        ProfileView profile = profiles.find(applicantId)
                .map(found -> ProfileView.of(found, profiles.currentNoticeVersion())).orElse(null);
        var found = matches.find(applicantId);
        List<MatchResultView> results = found.map(m -> matchViews.of(m.results(), locale)).orElse(List.of());
        Export export = new Export(applicantId, ServiceZone.now(clock), profile,
                found.map(m -> m.profileVersion()).orElse(null), results,
                applications.export(applicantId, locale, messages));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("qujiang-youth-my-data.json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export);
    }

    @Operation(summary = "Erase me: profile, applications and match results; other services are told to purge")
    @DeleteMapping
    @ApiResponse(responseCode = "204", description = "Erased")
    ResponseEntity<Void> erase(Authentication authentication) {
        erasure.erase(Caller.of(authentication).id());
        return ResponseEntity.noContent().build();
    }
}
