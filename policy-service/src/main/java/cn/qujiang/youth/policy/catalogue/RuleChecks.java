package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.policy.engine.catalogue.GrantCheck;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.DerivedFacts;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import cn.qujiang.youth.policy.engine.eligibility.ExampleCheck;
import cn.qujiang.youth.policy.engine.eligibility.RuleCompilationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a measure must satisfy before it is stored as a draft (complete, rules that compile) and before it is
 * published (every worked example agrees with the rules).
 */
@Component
class RuleChecks {
    static final Set<String> CATEGORIES = Set.of("EMPLOYMENT", "ENTREPRENEURSHIP", "HOUSING", "LIVING", "GROWTH",
            "LEISURE");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,19}");
    /** Ids, kinds and units end up in stored result lines; these shapes keep them free of the separators. */
    private static final Pattern CRITERION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");
    private static final int MIN_EXAMPLES = 2;
    private static final int MAX_QUOTA = 1_000_000;
    private static final int MAX_RESPONSE_WORKING_DAYS = 250;
    /** Generous bounds (the sample catalogue's longest texts are about half of them) that keep a draft readable. */
    private static final int MAX_NAME = 100;
    private static final int MAX_TEXT = 1_000;
    private static final int MAX_RULE = 2_000;
    private static final int MAX_CRITERIA = 30;
    private static final int MAX_EXAMPLES = 50;
    private static final int MAX_DOCUMENTS = 20;
    private static final int MAX_EXCLUDES = 60;
    private static final Set<String> OUTCOMES = Arrays.stream(MatchesEvaluated.Outcome.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final EligibilityEngine engine;

    RuleChecks(EligibilityEngine engine) {
        this.engine = engine;
    }

    /** The definition as a draft stores it (version is the server's to assign), once it is complete and compiles. */
    MeasureDefinition checkDraft(MeasureDefinition definition) {
        List<String> reasons = incompleteness(definition);
        List<GrantCheck.Problem> fields = GrantCheck.problems(definition);
        if (!reasons.isEmpty() || !fields.isEmpty()) {
            throw new InvalidMeasureException(reasons, fields);
        }
        MeasureDefinition draft = definition.withVersion(0);
        compile(draft);
        return draft;
    }

    /**
     * Everything {@link #checkDraft} and publishing would say about a definition, collected instead of thrown, with
     * every worked example's answer: what the editor shows while the officer types. Nothing is stored.
     */
    Check check(MeasureDefinition definition) {
        List<RuleCompilationException> rules = engine.problems(definition);
        List<ExampleCheck.Run> examples = List.of();
        if (rules.isEmpty()) {
            try {
                examples = ExampleCheck.runAll(engine.compile(definition.withVersion(0)));
            } catch (RuleCompilationException e) {
                throw new IllegalStateException("a definition without rule problems did not compile", e);
            }
        }
        return new Check(incompleteness(definition), GrantCheck.problems(definition), rules, examples);
    }

    /**
     * The outcome of {@link #check}: reasons and field problems as {@code INVALID_MEASURE} names them, rules that do
     * not compile as {@code RULE_DOES_NOT_COMPILE} does, and the examples run (only when every rule compiles).
     */
    record Check(List<String> reasons, List<GrantCheck.Problem> fields, List<RuleCompilationException> rules,
            List<ExampleCheck.Run> examples) {

        /** Whether saving the definition as a draft would succeed. */
        boolean savable() {
            return reasons.isEmpty() && fields.isEmpty() && rules.isEmpty();
        }

        /** Whether every example agrees (publishing is refused otherwise); false while a rule does not compile. */
        boolean examplesAgree() {
            return rules.isEmpty() && examples.stream().allMatch(ExampleCheck.Run::agrees);
        }
    }

    /** Refuses a version whose rules disagree with any of its examples. */
    void checkExamples(MeasureDefinition definition) {
        List<ExampleCheck.Mismatch> mismatches = mismatches(definition);
        if (!mismatches.isEmpty()) {
            throw new ExamplesDisagreeException(mismatches);
        }
    }

    List<ExampleCheck.Mismatch> mismatches(MeasureDefinition definition) {
        return ExampleCheck.mismatches(compile(definition));
    }

    private CompiledMeasure compile(MeasureDefinition definition) {
        try {
            return engine.compile(definition);
        } catch (RuleCompilationException e) {
            throw new RuleDoesNotCompileException(e.criterionId(), e.celMessage());
        }
    }

    /** Stable reason codes for what is missing or malformed; empty when the measure is complete. */
    static List<String> incompleteness(MeasureDefinition definition) {
        List<String> reasons = new ArrayList<>();
        if (definition.code() == null || !CODE.matcher(definition.code()).matches()) {
            reasons.add("CODE_FORMAT");
        }
        if (definition.title() == null || blank(definition.title().zh()) || blank(definition.title().en())) {
            reasons.add("TITLE_REQUIRED");
        }
        if (!isOneOf(CATEGORIES, definition.category())) {
            reasons.add("CATEGORY_UNKNOWN");
        }
        if (Arrays.stream(MeasurePublished.Mode.values()).noneMatch(mode -> mode.name().equals(definition.mode()))) {
            reasons.add("MODE_UNKNOWN");
        }
        if (definition.benefit() == null || !matches(NAME, definition.benefit().kind())
                || !matches(NAME, definition.benefit().unit())) {
            reasons.add("BENEFIT_REQUIRED");
        }
        if (definition.criteria().isEmpty()) {
            reasons.add("CRITERIA_REQUIRED");
        }
        if (definition.criteria().stream().anyMatch(c -> !matches(CRITERION_ID, c.id()))) {
            reasons.add("CRITERION_ID_FORMAT");
        }
        if (definition.criteria().stream().anyMatch(c -> c.label() == null || blank(c.label().zh()))) {
            reasons.add("CRITERION_LABEL_REQUIRED");
        }
        if (definition.examples().size() < MIN_EXAMPLES) {
            reasons.add("EXAMPLES_REQUIRED");
        }
        if (definition.quota() != null && (definition.quota() < 1 || definition.quota() > MAX_QUOTA)) {
            reasons.add("QUOTA_RANGE");
        }
        if (definition.responseWorkingDays() < 0 || definition.responseWorkingDays() > MAX_RESPONSE_WORKING_DAYS) {
            reasons.add("RESPONSE_DAYS_RANGE");
        }
        if (definition.examples().stream().anyMatch(example -> !isOneOf(OUTCOMES, example.expect()))) {
            reasons.add("EXAMPLE_EXPECT_UNKNOWN");
        }
        if (definition.examples().stream().anyMatch(example -> !factsOfTheVocabulary(example))) {
            reasons.add("EXAMPLE_FACTS_INVALID");
        }
        if (definition.examples().stream().anyMatch(example -> example.amount() != null && example.amount() < 0)) {
            reasons.add("EXAMPLE_AMOUNT_RANGE");
        }
        if (definition.code() != null && definition.excludes().contains(definition.code())) {
            reasons.add("EXCLUDES_ITSELF");
        }
        if (definition.excludes().stream().anyMatch(code -> !matches(CODE, code))) {
            reasons.add("EXCLUDES_FORMAT");
        }
        reasons.addAll(oversize(definition));
        return reasons;
    }

    /** Texts, rules and lists beyond what any measure needs: a pasted document or a runaway generator. */
    private static List<String> oversize(MeasureDefinition definition) {
        List<String> reasons = new ArrayList<>();
        boolean namesFit = fits(definition.title(), MAX_NAME) && fits(definition.department(), MAX_NAME)
                && definition.documents().stream().allMatch(name -> fits(name, MAX_NAME))
                && definition.examples().stream().allMatch(example -> length(example.name()) <= MAX_NAME);
        boolean textsFit = fits(definition.summary(), MAX_TEXT)
                && (definition.benefit() == null || fits(definition.benefit().note(), MAX_TEXT))
                && definition.criteria().stream().allMatch(c -> fits(c.label(), MAX_TEXT) && fits(c.hint(), MAX_TEXT));
        if (!namesFit || !textsFit) {
            reasons.add("TEXT_TOO_LONG");
        }
        if (definition.criteria().stream().anyMatch(c -> length(c.expr()) > MAX_RULE)
                || (definition.benefit() != null && length(definition.benefit().amount()) > MAX_RULE)) {
            reasons.add("RULE_TOO_LONG");
        }
        if (definition.criteria().size() > MAX_CRITERIA) {
            reasons.add("TOO_MANY_CRITERIA");
        }
        if (definition.examples().size() > MAX_EXAMPLES) {
            reasons.add("TOO_MANY_EXAMPLES");
        }
        if (definition.documents().size() > MAX_DOCUMENTS) {
            reasons.add("TOO_MANY_DOCUMENTS");
        }
        if (definition.excludes().size() > MAX_EXCLUDES) {
            reasons.add("TOO_MANY_EXCLUDES");
        }
        return reasons;
    }

    private static boolean fits(LocalizedText text, int max) {
        return text == null || (length(text.zh()) <= max && length(text.en()) <= max);
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /**
     * Every fact of a worked example is a fact of the vocabulary with a value of its type: an unknown name (which
     * covers {@code $} and dotted keys, which the store would refuse) or a wrong type is the author's mistake to
     * fix before the draft is stored, not a disagreement found at publication.
     */
    private static boolean factsOfTheVocabulary(MeasureDefinition.Example example) {
        try {
            DerivedFacts.of(example.applicant());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Set.of(...).contains(null) throws: a missing value is simply none of them. */
    private static boolean isOneOf(Set<String> values, String value) {
        return value != null && values.contains(value);
    }

    private static boolean matches(Pattern pattern, String text) {
        return text != null && pattern.matcher(text).matches();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * The draft is incomplete ({@code reasons}) or states a grant term that cannot be kept ({@code fields}: which
     * field to correct, with a stable code whose words are in the message bundles); the codes of both are reasons.
     */
    static class InvalidMeasureException extends ApiException {
        private final transient List<GrantCheck.Problem> fields;

        InvalidMeasureException(List<String> reasons, List<GrantCheck.Problem> fields) {
            super(HttpStatus.BAD_REQUEST, "INVALID_MEASURE", Stream.concat(reasons.stream(),
                    fields.stream().map(GrantCheck.Problem::code)).distinct().toList());
            this.fields = List.copyOf(fields);
        }

        List<GrantCheck.Problem> fields() {
            return fields;
        }
    }

    /** A rule of the draft does not compile: which criterion (or {@code benefit.amount}) and CEL's message. */
    static class RuleDoesNotCompileException extends RuntimeException {
        private final String criterionId;
        private final String celMessage;

        RuleDoesNotCompileException(String criterionId, String celMessage) {
            super("rule " + criterionId + " does not compile");
            this.criterionId = criterionId;
            this.celMessage = celMessage;
        }

        String criterionId() {
            return criterionId;
        }

        String celMessage() {
            return celMessage;
        }
    }

    /** Examples of the measure that its rules decide differently. */
    static class ExamplesDisagreeException extends RuntimeException {
        private final List<ExampleCheck.Mismatch> mismatches;

        ExamplesDisagreeException(List<ExampleCheck.Mismatch> mismatches) {
            super(mismatches.size() + " examples disagree");
            this.mismatches = List.copyOf(mismatches);
        }

        List<ExampleCheck.Mismatch> mismatches() {
            return mismatches;
        }
    }
}
