package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.DerivedFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One measure's result as stored per applicant: which version decided what, how much, which criteria passed, which
 * facts are missing and which held measures exclude it. It is stored as one line of text, e.g.
 * {@code QJY-01|2|ELIGIBLE|7|NIGHT|false|age:PASSED,first-job-search:PASSED||}, because 100,000 applicants x 40
 * results as nested documents would not fit the in-memory MongoDB-wire server; the line stays readable in a shell.
 * The applicant's values are not stored: showing a result evaluates the stored facts again against the stored
 * version on the stored day, which gives the same answer (the engine is deterministic).
 */
record StoredResult(
        String measureCode,
        int measureVersion,
        Outcome outcome,
        Long amount,
        String unit,
        boolean nearMiss,
        List<Criterion> criteria,
        List<String> missingFacts,
        List<String> excludedBy) {

    private static final String FIELD = "\\|";
    private static final String ITEM = ",";
    private static final String ELIGIBLE = Outcome.ELIGIBLE.name() + "|";

    StoredResult {
        criteria = List.copyOf(criteria);
        missingFacts = List.copyOf(missingFacts);
        excludedBy = List.copyOf(excludedBy);
    }

    record Criterion(String id, CriterionStatus status) {
    }

    static StoredResult of(MatchResult result) {
        return new StoredResult(result.measureCode(), result.measureVersion(), result.outcome(), result.amount(),
                result.unit(), result.nearMiss(),
                result.criteria().stream().map(c -> new Criterion(c.id(), c.status())).toList(),
                result.missingFacts(), result.excludedBy());
    }

    String encode() {
        return String.join("|", measureCode, String.valueOf(measureVersion), outcome.name(),
                amount == null ? "" : amount.toString(), unit == null ? "" : unit, String.valueOf(nearMiss),
                String.join(ITEM, criteria.stream().map(c -> c.id() + ":" + c.status().name()).toList()),
                String.join(ITEM, missingFacts), String.join(ITEM, excludedBy));
    }

    static StoredResult decode(String line) {
        String[] fields = line.split(FIELD, -1);
        if (fields.length != 9) {
            throw new IllegalArgumentException("not a stored result: " + line);
        }
        List<Criterion> criteria = new ArrayList<>();
        for (String criterion : items(fields[6])) {
            int colon = criterion.lastIndexOf(':');
            criteria.add(new Criterion(criterion.substring(0, colon),
                    CriterionStatus.valueOf(criterion.substring(colon + 1))));
        }
        return new StoredResult(fields[0], Integer.parseInt(fields[1]), Outcome.valueOf(fields[2]),
                fields[3].isEmpty() ? null : Long.valueOf(fields[3]), fields[4].isEmpty() ? null : fields[4],
                Boolean.parseBoolean(fields[5]), criteria, items(fields[7]), items(fields[8]));
    }

    /**
     * What an applicant would notice when it changes: everything but the measure version, or every publish would
     * look like a change to everybody.
     */
    StoredResult noticeable() {
        return new StoredResult(measureCode, 0, outcome, amount, unit, nearMiss, criteria, missingFacts, excludedBy);
    }

    /** The result without the applicant's values, which only evaluating the measure version again gives. */
    MatchResult withoutValues() {
        return new MatchResult(measureCode, measureVersion, outcome, amount, unit, null, nearMiss,
                criteria.stream().map(c -> new CriterionResult(c.id(), c.status(), Map.of(), null, null)).toList(),
                missingFacts, excludedBy, null);
    }

    /**
     * The result as evaluating {@code measure} (the version that decided it) again on the same facts and day would
     * give it for matching ({@code Outlooks.NEAR_MISS}: no days): the stored outcome, amount and statuses, with the
     * values each criterion reads looked up in {@code facts}. MatcherTest checks it against a full evaluation.
     */
    MatchResult withValues(CompiledMeasure measure, DerivedFacts facts) {
        List<CriterionResult> withValues = new ArrayList<>(criteria.size());
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            withValues.add(new CriterionResult(criterion.id(), criterion.status(), measure.criterionValues(i, facts),
                    null, null));
        }
        return new MatchResult(measureCode, measureVersion, outcome, amount, unit,
                measure.definition().benefit().kind(), nearMiss, withValues, missingFacts, excludedBy, null);
    }

    boolean eligible() {
        return outcome == Outcome.ELIGIBLE;
    }

    /** Codes of the ELIGIBLE results among stored lines, read without decoding the rest of each line. */
    static List<String> eligibleCodes(List<String> lines) {
        return lines.stream().filter(StoredResult::isEligible).map(line -> field(line, 0)).toList();
    }

    /** Whether a line's outcome is ELIGIBLE, read in place. */
    static boolean isEligible(String line) {
        return line.startsWith(ELIGIBLE, line.indexOf('|', line.indexOf('|') + 1) + 1);
    }

    /** Whether two lines are results of the same measure (whichever versions). */
    static boolean sameMeasure(String line, String other) {
        int end = line.indexOf('|');
        return end > 0 && end == other.indexOf('|') && line.regionMatches(0, other, 0, end);
    }

    /**
     * Whether two lines of the same measure differ in nothing an applicant would notice ({@link #noticeable()}: all
     * but the version), compared as text: {@link #encode()} writes one text per result, so equal text after the
     * version is an equal result.
     */
    static boolean sameNoticeable(String line, String other) {
        int from = line.indexOf('|', line.indexOf('|') + 1);
        int otherFrom = other.indexOf('|', other.indexOf('|') + 1);
        int length = line.length() - from;
        return length == other.length() - otherFrom && line.regionMatches(from, other, otherFrom, length);
    }

    static String code(String line) {
        return field(line, 0);
    }

    /** Whether {@code line} is a result of measure {@code code}, whichever version. */
    static boolean isOf(String line, String code) {
        return line.startsWith(code) && line.length() > code.length() && line.charAt(code.length()) == '|';
    }

    /**
     * Whether {@code line} is a result of version {@code version} of measure {@code code}, read in place: a re-match
     * asks this of 40 lines per applicant, and parsing each version out of a copy was a noticeable part of it.
     */
    static boolean decidedBy(String line, String code, int version) {
        if (!isOf(line, code)) {
            return false;
        }
        int start = code.length() + 1;
        int at = start;
        int stored = 0;
        for (; at < line.length() && line.charAt(at) != '|'; at++) {
            stored = stored * 10 + (line.charAt(at) - '0');
        }
        return at > start && stored == version;
    }

    private static String field(String line, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = line.indexOf('|', start) + 1;
        }
        return line.substring(start, line.indexOf('|', start));
    }

    private static List<String> items(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(ITEM));
    }
}
