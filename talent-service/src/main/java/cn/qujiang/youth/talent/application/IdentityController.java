package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.profile.Profile;
import cn.qujiang.youth.talent.profile.ProfileService;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The explicit, audited "show full identity" of an application (role hr-officer, like the rest of the review API):
 * the officer asks for it on purpose, the request is recorded (who, when, which application) before the identity
 * leaves, and the record shows in the application's timeline. A POST, because it is an act with a trace, not a
 * read a browser or proxy may repeat or keep.
 */
@RestController
@RequestMapping("/api/talent/review/applications/{id}/identity")
class IdentityController {
    private static final Logger log = LoggerFactory.getLogger(IdentityController.class);

    private final ApplicationStore applications;
    private final ProfileService profiles;
    private final IdentityDisclosures disclosures;
    private final Clock clock;

    IdentityController(ApplicationStore applications, ProfileService profiles, IdentityDisclosures disclosures,
            Clock clock) {
        this.applications = applications;
        this.profiles = profiles;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    /** The applicant's full ID number and birth date, and when their disclosure was recorded. */
    record FullIdentity(String applicationId, String idNumber, LocalDate birthDate, Instant disclosedAt) {
    }

    @Operation(summary = "The applicant's full ID number and birth date; recorded (who, when, which application) and "
            + "shown in the application's timeline; 404 IDENTITY_UNAVAILABLE once the applicant erased the profile")
    @PostMapping
    ResponseEntity<FullIdentity> show(Authentication authentication, @PathVariable String id) {
        ApplicationDocument application = applications.find(id)
                .orElseThrow(() -> ApiException.notFound("application"));
        Profile profile = profiles.find(application.applicantId())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "IDENTITY_UNAVAILABLE"));
        Caller officer = Caller.of(authentication);
        Instant at = ServiceZone.now(clock);
        disclosures.record(application.id(), officer.id(), officer.username(), at);
        log.info("full identity of the applicant of application {} shown to officer {}", application.id(),
                officer.username());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new FullIdentity(application.id(), profile.personal().idNumber(),
                        profile.facts() == null ? null : profile.facts().birthDate(), at));
    }
}
