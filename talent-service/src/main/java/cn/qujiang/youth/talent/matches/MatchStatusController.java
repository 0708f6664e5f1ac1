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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * "Are my results current?" for the app that polls after a profile save: two small reads by primary key (the
 * profile's version, the evaluated version and time of the results), no results, no decryption. The ETag is made
 * of exactly what the body says, so a poll with an unchanged {@code If-None-Match} is answered 304 without a body
 * (Spring compares it when a 200 {@link ResponseEntity} carries an ETag).
 *
 * <p>Asked with {@code version} and {@code waitSeconds}, the answer waits until results of that profile version (or
 * a later one) are stored, at most that long ({@link ResultWaits}): the app learns the moment they are there, with
 * one request, however long the pipeline takes. Answered then with the status the match listener read and wrote,
 * it costs two reads (before waiting), not four. Asking again every two seconds instead added requests exactly when
 * the suite was behind (the load harness counted up to four polls per save past the knee). A waiting request holds
 * no thread and no place of the service's concurrency limit, only its connection.
 */
@RestController
class MatchStatusController {
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    static final String PATH = "/api/talent/me/matches/status";
    static final String WAIT = "waitSeconds";
    static final int MAX_WAIT_SECONDS = 20;

    private final MatchReadModel matches;
    private final ProfileService profiles;
    private final ResultWaits waits;

    MatchStatusController(MatchReadModel matches, ProfileService profiles, ResultWaits waits) {
        this.matches = matches;
        this.profiles = profiles;
        this.waits = waits;
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

    /** The same operation in the API document: described once, with the waiting variant below. */
    @Operation(hidden = true)
    @GetMapping(path = PATH, params = "!" + WAIT)
    ResponseEntity<MatchStatus> status(Authentication authentication) {
        return answer(status(Caller.of(authentication).id()));
    }

    @Operation(summary = "Are my match results current? Small and cheap to poll; send the ETag back as If-None-Match",
            description = "With `version` and `waitSeconds` (both or neither): answered as soon as results of profile "
                    + "version `version` or a later one are stored, or at once when there is no such version to wait "
                    + "for, else after `waitSeconds` with the status as it is then (ask again).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "OK"),
                    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent",
                            content = @Content)})
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, schema = @Schema(type = "string"),
            description = "The ETag of the last status read")
    @GetMapping(path = PATH, params = WAIT)
    DeferredResult<ResponseEntity<MatchStatus>> statusOnceEvaluated(Authentication authentication,
            @Parameter(description = "The profile version whose results to wait for (the one just saved)")
            @RequestParam(required = false) @Min(1) Long version,
            @Parameter(description = "How long to wait at most, in seconds")
            @RequestParam(value = WAIT, required = false) @Min(1) @Max(MAX_WAIT_SECONDS) Integer waitSeconds)
            throws MissingServletRequestParameterException {
        // Optional in the API document, which shows this and the plain status as one operation; never absent here
        // (waitSeconds selects this method), and version has to come with it.
        if (version == null) {
            throw new MissingServletRequestParameterException("version", "integer");
        }
        String applicantId = Caller.of(authentication).id();
        DeferredResult<ResponseEntity<MatchStatus>> answer = new DeferredResult<>(waitSeconds * 1000L);
        // waiting before reading: results stored between the read and the wait would otherwise be missed
        ResultWaits.Waiting waiting = waits.await(applicantId, version, status -> answer.setResult(answer(status)));
        answer.onCompletion(() -> waits.remove(applicantId, waiting));
        answer.onTimeout(() -> answer.setResult(answer(status(applicantId))));
        MatchStatus now = status(applicantId);
        if (!isWorthWaiting(now, version)) {
            answer.setResult(answer(now));
        }
        return answer;
    }

    /** Results of {@code version} are still to come: the profile has that version, its results do not. */
    static boolean isWorthWaiting(MatchStatus status, long version) {
        return status.profileVersion() != null && status.profileVersion() >= version
                && (status.evaluatedProfileVersion() == null || status.evaluatedProfileVersion() < version);
    }

    private MatchStatus status(String applicantId) {
        return MatchStatus.of(profiles.liveVersion(applicantId), matches.evaluation(applicantId));
    }

    private static ResponseEntity<MatchStatus> answer(MatchStatus status) {
        return ResponseEntity.ok().eTag(status.etag()).cacheControl(REVALIDATE).body(status);
    }
}
