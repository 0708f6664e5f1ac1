package cn.qujiang.youth.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * What an approval of a measure grants, as consumers need it to keep holdings: held for good ({@code ONE_OFF}), for
 * {@code months} months from the decision ({@code MONTHS}), until 31 December of the decision's year
 * ({@code CALENDAR_YEAR}, applied for again the next year) or until the end of a named batch ({@code BATCH}).
 * Quotas count per year for CALENDAR_YEAR, per batch for BATCH and overall otherwise. A measure published without a
 * term is held for good. {@code whileEligible} (true or absent): the benefit also ends as soon as the holder no
 * longer qualifies (a child allowance on the child's third birthday), not only when the term runs out; absent, as
 * from producers that predate it, means held for the whole term.
 */
public record GrantTerm(Term term, Integer months, Batch batch,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean whileEligible) {

    public GrantTerm {
        whileEligible = Boolean.TRUE.equals(whileEligible) ? Boolean.TRUE : null;
    }

    public GrantTerm(Term term, Integer months, Batch batch) {
        this(term, months, batch, null);
    }

    /** Whether the benefit ends as soon as the holder no longer qualifies. */
    public boolean endsWhenIneligible() {
        return Boolean.TRUE.equals(whileEligible);
    }

    public enum Term { ONE_OFF, MONTHS, CALENDAR_YEAR, BATCH }

    /** A term or intake: stable {@code id} (the quota's period), its name in words and its last day. */
    public record Batch(String id, LocalizedText name, LocalDate ends) {
    }

    /** The term of a measure that states none: held for good, as before terms existed. */
    public static final GrantTerm ONE_OFF = new GrantTerm(Term.ONE_OFF, null, null);
}
