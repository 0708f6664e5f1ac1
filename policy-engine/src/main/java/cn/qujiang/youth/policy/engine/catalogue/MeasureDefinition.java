package cn.qujiang.youth.policy.engine.catalogue;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.LocalizedText;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measure as policy officers write it: the seed YAML, the admin API's JSON and policy-service's stored document
 * all have this shape. Criteria and the benefit amount are CEL expressions over the derived {@code applicant} facts;
 * {@code examples} pin down what they must decide. {@code version} is server-owned: absent (read as 0) in the seed
 * and in drafts, assigned on publish. {@code documentsLater} (optional): applications may be submitted before every
 * listed document is uploaded (the officer asks for what is missing).
 */
public record MeasureDefinition(
        String code,
        @JsonSetter(nulls = Nulls.AS_EMPTY) int version,
        LocalizedText title,
        LocalizedText summary,
        String category,
        LocalizedText department,
        String mode,
        Window window,
        Integer quota,
        List<String> excludes,
        int responseWorkingDays,
        Benefit benefit,
        Grant grant,
        List<Criterion> criteria,
        List<LocalizedText> documents,
        List<Example> examples,
        Boolean documentsLater) {

    public MeasureDefinition {
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        documents = documents == null ? List.of() : List.copyOf(documents);
        examples = examples == null ? List.of() : List.copyOf(examples);
        documentsLater = Boolean.TRUE.equals(documentsLater) ? Boolean.TRUE : null;
    }

    /** A definition that says nothing about documents later: they are needed before submission. */
    public MeasureDefinition(String code, int version, LocalizedText title, LocalizedText summary, String category,
            LocalizedText department, String mode, Window window, Integer quota, List<String> excludes,
            int responseWorkingDays, Benefit benefit, Grant grant, List<Criterion> criteria,
            List<LocalizedText> documents, List<Example> examples) {
        this(code, version, title, summary, category, department, mode, window, quota, excludes, responseWorkingDays,
                benefit, grant, criteria, documents, examples, null);
    }

    public MeasureDefinition withVersion(int newVersion) {
        return new MeasureDefinition(code, newVersion, title, summary, category, department, mode, window, quota,
                excludes, responseWorkingDays, benefit, grant, criteria, documents, examples, documentsLater);
    }

    /**
     * The grant term as events carry it, {@code benefit.months} taken for MONTHS; held for good when none is
     * stated. Call on a definition that passed {@link GrantCheck}.
     */
    public GrantTerm grantTerm() {
        if (grant == null) {
            return GrantTerm.ONE_OFF;
        }
        GrantTerm.Term term = GrantTerm.Term.valueOf(grant.term());
        Batch batch = grant.batch();
        return new GrantTerm(term, term == GrantTerm.Term.MONTHS ? benefit.months() : null,
                term == GrantTerm.Term.BATCH ? new GrantTerm.Batch(batch.id(), batch.name(), batch.ends()) : null,
                grant.whileEligible());
    }

    /** The days on which the measure is open; a missing bound means open-ended on that side. */
    public record Window(LocalDate opens, LocalDate closes) {

        public boolean contains(LocalDate day) {
            return (opens == null || !day.isBefore(opens)) && (closes == null || !day.isAfter(closes));
        }
    }

    /**
     * What an eligible applicant gets. {@code amount} is a CEL int expression (often a constant) in {@code unit};
     * {@code months} is set for monthly payments.
     */
    public record Benefit(String kind, String unit, String amount, Integer months, LocalizedText note) {
    }

    /**
     * What an approval grants: {@code term} is ONE_OFF (held for good), MONTHS (for {@code benefit.months} months),
     * CALENDAR_YEAR (until 31 December, applied for again the next year) or BATCH (until {@code batch.ends}; quota
     * per batch). A measure without a grant is held for good. {@code whileEligible}: the benefit ends as soon as the
     * holder no longer qualifies, as well. Texts, not enums, so that a draft naming an unknown term is answered with
     * a field error rather than a parse failure.
     */
    public record Grant(String term, Batch batch, Boolean whileEligible) {

        public Grant(String term, Batch batch) {
            this(term, batch, null);
        }
    }

    /** A named term or intake: {@code id} keys its quota, {@code name} is what people read, {@code ends} its last day. */
    public record Batch(String id, LocalizedText name, LocalDate ends) {
    }

    /** One ANDed condition: a CEL bool expression, what it means and what to do when it fails. */
    public record Criterion(String id, String expr, LocalizedText label, LocalizedText hint) {
    }

    /**
     * A worked case the rules must agree with: derived facts (e.g. {@code age}, not a birth date), the expected
     * outcome and, for ELIGIBLE, optionally the expected amount.
     */
    public record Example(String name, Map<String, Object> applicant, String expect, Long amount) {

        public Example {
            // Insertion order kept for readable documents; null values allowed so that a bad example is reported
            // by the example check instead of failing the whole load.
            applicant = applicant == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(applicant));
        }
    }
}
