package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.matches.MatchReadModel.Evaluation;
import cn.qujiang.youth.talent.profile.ProfileService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Are my results current?" for the app that polls after a profile save: two small reads by primary key (the
 * profile's version, the evaluated version and time of the results), no results, no decryption. The ETag is made
 * of exactly what the body says, so a poll with an unchanged {@code If-None-Match} is answered 304 without a body
 * (Spring compares it when a 200 {@link ResponseEntity} carries an ETag).
 */
@RestController
class MatchStatusController {
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    private final MatchReadModel matches;
    private final ProfileService profiles;

    MatchStatusController(MatchReadModel matches, ProfileService profiles) {
        this.matches = matches;
        this.profiles = profiles;
    }

    /**
     * {@code current}: the results are of the latest profile version. {@code profileVersion} is null without a
     * profile, {@code evaluatedProfileVersion}, {@code evaluatedAt} and {@code storedAt} before the first evaluation.
     * {@code storedAt}: when these results reached this service, from when on they are shown (a load test measures
     * a save's way through the pipeline by it, independently of how often it polls).
     */
    record MatchStatus(Long profileVersion, Long evaluatedProfileVersion, boolean current, Instant evaluatedAt,
            Instant storedAt) {

        static MatchStatus of(OptionalLong profileVersion, Optional<Evaluation> evaluation) {
            return new MatchStatus(profileVersion.isPresent() ? profileVersion.getAsLong() : null,
                    evaluation.map(Evaluation::profileVersion).orElse(null),
                    evaluation.filter(evaluated -> isCurrent(profileVersion, evaluated.profileVersion())).isPresent(),
                    evaluation.map(Evaluation::evaluatedAt).orElse(null),
                    evaluation.map(Evaluation::storedAt).orElse(null));
        }

        /** The results are of the latest profile version (none without a live profile). */
        static boolean isCurrent(OptionalLong profileVersion, long evaluatedProfileVersion) {
            return profileVersion.isPresent() && profileVersion.getAsLong() == evaluatedProfileVersion;
        }

        /** Every field of the body, so that equal tags mean equal bodies (0 stands for absent; versions start at 1). */
        String etag() {
            return orZero(profileVersion) + "-" + orZero(evaluatedProfileVersion) + "-"
                    + (evaluatedAt == null ? 0 : evaluatedAt.toEpochMilli());
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }

    @Operation(summary = "Are my match results current? Small and cheap to poll; send the ETag back as If-None-Match",
            responses = {
                    @ApiResponse(responseCode = "200", description = "OK"),
                    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent",
                            content = @Content)})
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, schema = @Schema(type = "string"),
            description = "The ETag of the last status read")
    @GetMapping("/api/talent/me/matches/status")
    ResponseEntity<MatchStatus> status(Authentication authentication) {
        String applicantId = Caller.of(authentication).id();
        MatchStatus status = MatchStatus.of(profiles.liveVersion(applicantId), matches.evaluation(applicantId));
        return ResponseEntity.ok().eTag(status.etag()).cacheControl(REVALIDATE).body(status);
    }
}
