package cn.qujiang.youth.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Event-carried state of one measure version on the compacted catalogue topic (key = code). A retired measure is
 * published with status RETIRED so that replicas stop offering it. {@code criteria} are the words of its criteria,
 * which match results refer to by id only.
 * {@code grant} says what an approval grants and how its quota counts (absent from older producers: held for good).
 * {@code documents}: the proof documents an application must carry, each with a stable {@code key} (added later:
 * absent = none required); {@code documentsLater} (true or absent): an application may be submitted before they are
 * all uploaded.
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
        GrantTerm grant,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RequiredDocument> documents,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean documentsLater) {

    public enum Status { ACTIVE, RETIRED }

    /** APPLY: the applicant applies; AUTO_GRANT (免申即享): an offer is made to every eligible applicant. */
    public enum Mode { APPLY, AUTO_GRANT }

    /** What a criterion asks for ({@code label}) and what to do when it is not met ({@code hint}, optional). */
    public record Criterion(String id, LocalizedText label, LocalizedText hint) {
    }

    /**
     * One proof document: {@code key} is what uploads name (the same document, e.g. the ID card, has the same key in
     * every measure, so one upload serves them all), {@code name} what people read.
     */
    public record RequiredDocument(String key, LocalizedText name) {

        /** The key of a document named {@code name}: its English name in lower-case words joined by '-'. */
        public static RequiredDocument named(LocalizedText name) {
            String source = name.en() == null || name.en().isBlank() ? null : name.en();
            String key = source == null ? "doc-" + Integer.toHexString(name.zh().hashCode())
                    : source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            return new RequiredDocument(key, name);
        }
    }

    public MeasurePublished {
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        documents = documents == null ? List.of() : List.copyOf(documents);
        documentsLater = Boolean.TRUE.equals(documentsLater) ? Boolean.TRUE : null;
    }

    /** As producers wrote it before documents travelled: none required. */
    public MeasurePublished(String code, int version, Status status, LocalizedText title, String category, Mode mode,
            LocalDate opens, LocalDate closes, Integer quota, List<String> excludes, String benefitKind,
            String benefitUnit, int responseWorkingDays, Instant publishedAt, List<Criterion> criteria,
            GrantTerm grant) {
        this(code, version, status, title, category, mode, opens, closes, quota, excludes, benefitKind, benefitUnit,
                responseWorkingDays, publishedAt, criteria, grant, List.of(), null);
    }

    /** Whether an application may be submitted before every required document is there. */
    public boolean allowsDocumentsLater() {
        return Boolean.TRUE.equals(documentsLater);
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
