package cn.qujiang.youth.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Event-carried state of one measure version on the compacted catalogue topic (key = code). A retired measure is
 * published with status RETIRED so that replicas stop offering it. {@code criteria} are the words of its criteria,
 * which match results refer to by id only.
 * {@code grant} says what an approval grants and how its quota counts (absent from older producers: held for good).
 */
public record MeasurePublished(
        String code,
        int version,
        Status status,
        LocalizedText title,
        String category,
        Mode mode,
        LocalDate opens,
        LocalDate closes,
        Integer quota,
        List<String> excludes,
        String benefitKind,
        String benefitUnit,
        int responseWorkingDays,
        Instant publishedAt,
        List<Criterion> criteria,
        GrantTerm grant) {

    public enum Status { ACTIVE, RETIRED }

    /** APPLY: the applicant applies; AUTO_GRANT (免申即享): an offer is made to every eligible applicant. */
    public enum Mode { APPLY, AUTO_GRANT }

    /** What a criterion asks for ({@code label}) and what to do when it is not met ({@code hint}, optional). */
    public record Criterion(String id, LocalizedText label, LocalizedText hint) {
    }

    public MeasurePublished {
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** The grant term, {@link GrantTerm#ONE_OFF} when the producer stated none. */
    public GrantTerm grantTerm() {
        return grant == null ? GrantTerm.ONE_OFF : grant;
    }

    /** The words of a criterion of this version, if it has one by that id. */
    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(criterion -> criterion.id().equals(id)).findFirst();
    }

    /** Whether the measure takes applications on {@code day}. */
    public boolean openOn(LocalDate day) {
        return status == Status.ACTIVE
                && (opens == null || !day.isBefore(opens))
                && (closes == null || !day.isAfter(closes));
    }
}
