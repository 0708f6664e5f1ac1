package cn.qujiang.youth.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Event-carried state of one measure version on the compacted catalogue topic (key = code). A retired measure is
 * published with status RETIRED so that replicas stop offering it.
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
        Instant publishedAt) {

    public enum Status { ACTIVE, RETIRED }

    /** APPLY: the applicant applies; AUTO_GRANT (免申即享): an offer is made to every eligible applicant. */
    public enum Mode { APPLY, AUTO_GRANT }

    public MeasurePublished {
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }

    /** Whether the measure takes applications on {@code day}. */
    public boolean openOn(LocalDate day) {
        return status == Status.ACTIVE
                && (opens == null || !day.isBefore(opens))
                && (closes == null || !day.isAfter(closes));
    }
}
