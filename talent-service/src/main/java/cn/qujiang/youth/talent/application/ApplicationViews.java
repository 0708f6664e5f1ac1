package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** What applicants send and see about their applications; officers' identities are not shown to them. */
public final class ApplicationViews {
    private ApplicationViews() {
    }

    @Schema(example = "{\"measureCode\": \"QJY-01\"}")
    record SubmitRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String measureCode) {
    }

    public record TimelineEntry(Instant at, Actor actor, ApplicationStatus from, ApplicationStatus to, String reasonCode,
            String reason, String comment) {
    }

    public record ApplicationView(String id, ApplicationKind kind, String measureCode, String measureTitle,
            ApplicationStatus status, boolean open, long version, Instant submittedAt, LocalDate dueDate,
            List<TimelineEntry> timeline, GrantView grant) {
    }

    /**
     * What an approval granted: held from {@code grantedFrom} through {@code grantedUntil} (absent = for good);
     * {@code held} while it has not ended; {@code endedOn} the first day it was no longer held.
     */
    @Schema(example = """
            {"term": "MONTHS", "grantedFrom": "2026-03-03", "grantedUntil": "2029-03-02", "held": true}""")
    public record GrantView(GrantTerm.Term term, LocalDate grantedFrom, LocalDate grantedUntil, boolean held,
            LocalDate endedOn) {

        static GrantView of(ApplicationDocument application) {
            Grant grant = application.grant();
            return grant == null ? null : new GrantView(grant.term(), grant.from(), grant.until(),
                    application.status() == ApplicationStatus.APPROVED, grant.endedOn());
        }
    }

    static ApplicationView of(ApplicationDocument application, Locale locale, MessageSource messages) {
        return new ApplicationView(application.id(), application.kind(), application.measureCode(),
                application.measureTitle() == null ? application.measureCode() : application.measureTitle().in(locale),
                application.status(), application.status().isOpen(), application.version(),
                application.submittedAt(), application.dueDate(),
                application.transitions().stream()
                        .map(t -> new TimelineEntry(t.at(), t.actor(), t.from(), t.to(), t.reasonCode(),
                                reason(t.reasonCode(), locale, messages), t.comment()))
                        .toList(),
                GrantView.of(application));
    }

    static String reason(String code, Locale locale, MessageSource messages) {
        return code == null ? null : messages.getMessage("reason." + code, null, code, locale);
    }
}
