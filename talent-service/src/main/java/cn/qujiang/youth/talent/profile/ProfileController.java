package cn.qujiang.youth.talent.profile;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.admission.MatchingBacklog;
import cn.qujiang.youth.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own profile; there is no way to name another applicant's. A save is refused (503 OVERLOADED,
 * Retry-After) while the matching is too far behind to match it soon ({@link MatchingBacklog}).
 */
@RestController
@RequestMapping("/api/talent/me/profile")
class ProfileController {
    private final ProfileService profiles;
    private final MatchingBacklog backlog;

    ProfileController(ProfileService profiles, MatchingBacklog backlog) {
        this.profiles = profiles;
        this.backlog = backlog;
    }

    @Operation(summary = "Read my profile (ETag = version)")
    @GetMapping
    ResponseEntity<ProfileView> get(Authentication authentication) {
        Profile profile = profiles.find(Caller.of(authentication).id())
                .orElseThrow(() -> ApiException.notFound("profile"));
        return ResponseEntity.ok().eTag(Long.toString(profile.version()))
                .body(ProfileView.of(profile, profiles.currentNoticeVersion()));
    }

    @Operation(summary = "Save my whole profile; send the version read (body or If-Match), none for the first save",
            description = "Body version and If-Match both sent and different: 412 VERSION_DISAGREES, nothing saved. "
                    + "503 OVERLOADED with Retry-After while the matching is too far behind: nothing saved.")
    @ApiResponse(responseCode = "200", description = "Saved as the next version", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "201", description = "The first save: the profile now exists", useReturnTypeSchema = true)
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProfileView> put(Authentication authentication,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ProfileRequest request) {
        Long expected = IfMatch.expected(request.version(), ifMatch);
        backlog.admitSave();
        ProfileService.Saved saved = profiles.save(Caller.of(authentication).id(), request, expected);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(Long.toString(saved.profile().version()))
                .body(ProfileView.of(saved.profile(), profiles.currentNoticeVersion()));
    }
}
