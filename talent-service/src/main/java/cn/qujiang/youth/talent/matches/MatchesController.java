package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.matches.MatchStatusController.MatchStatus;
import cn.qujiang.youth.talent.profile.ProfileService;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the caller qualifies for, measure by measure, in their language (Accept-Language, Chinese by default). */
@RestController
class MatchesController {
    private final MatchReadModel matches;
    private final ProfileService profiles;
    private final MatchResultViews views;

    MatchesController(MatchReadModel matches, ProfileService profiles, MatchResultViews views) {
        this.matches = matches;
        this.profiles = profiles;
        this.views = views;
    }

    /**
     * {@code current} is false while the latest profile version has not been evaluated yet: the app shows the
     * results as "being updated".
     */
    record MatchesView(Long profileVersion, boolean current, LocalDate asOf, Instant evaluatedAt,
            List<MatchResultView> results) {
    }

    @Operation(summary = "My match results: outcome, amount, failed criteria with hints, missing facts")
    @GetMapping("/api/talent/me/matches")
    MatchesView get(Authentication authentication, Locale locale) {
        String applicantId = Caller.of(authentication).id();
        OptionalLong profileVersion = profiles.liveVersion(applicantId);
        return matches.find(applicantId).map(found -> new MatchesView(found.profileVersion(),
                MatchStatus.isCurrent(profileVersion, found.profileVersion()), found.asOf(), found.evaluatedAt(),
                views.of(found.results(), locale)))
                .orElse(new MatchesView(null, false, null, null, List.of()));
    }
}
