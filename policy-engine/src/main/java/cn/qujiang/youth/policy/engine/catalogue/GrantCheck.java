package cn.qujiang.youth.policy.engine.catalogue;

import cn.qujiang.youth.contracts.GrantTerm.Term;
import cn.qujiang.youth.contracts.LocalizedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a measure states a grant term consumers can keep holdings by: each problem names the field to correct and
 * a stable code. policy-service refuses such drafts with field errors; the seed is held to the same check. A measure
 * without a grant is valid (held for good).
 */
public final class GrantCheck {
    /** Batch ids key quota counters and stored holdings; this shape keeps them short and free of separators. */
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,29}");

    private GrantCheck() {
    }

    /** A field ({@code grant.term}, {@code benefit.months}, {@code grant.batch.ends} …) and what is wrong with it. */
    public record Problem(String field, String code) {
    }

    public static List<Problem> problems(MeasureDefinition measure) {
        MeasureDefinition.Grant grant = measure.grant();
        if (grant == null) {
            return List.of();
        }
        Term term = Arrays.stream(Term.values()).filter(known -> known.name().equals(grant.term())).findFirst()
                .orElse(null);
        List<Problem> problems = new ArrayList<>();
        if (term == null) {
            problems.add(new Problem("grant.term", "GRANT_TERM_UNKNOWN"));
        }
        Integer months = measure.benefit() == null ? null : measure.benefit().months();
        if (term == Term.MONTHS && (months == null || months < 1)) {
            problems.add(new Problem("benefit.months", "GRANT_MONTHS_REQUIRED"));
        }
        if (term == Term.BATCH) {
            problems.addAll(batchProblems(grant.batch(), measure.window()));
        } else if (grant.batch() != null) {
            problems.add(new Problem("grant.batch", "GRANT_BATCH_NOT_EXPECTED"));
        }
        return problems;
    }

    private static List<Problem> batchProblems(MeasureDefinition.Batch batch, MeasureDefinition.Window window) {
        if (batch == null) {
            return List.of(new Problem("grant.batch", "GRANT_BATCH_REQUIRED"));
        }
        List<Problem> problems = new ArrayList<>();
        if (batch.id() == null || !BATCH_ID.matcher(batch.id()).matches()) {
            problems.add(new Problem("grant.batch.id", "GRANT_BATCH_ID_FORMAT"));
        }
        if (blank(batch.name())) {
            problems.add(new Problem("grant.batch.name", "GRANT_BATCH_NAME_REQUIRED"));
        }
        if (batch.ends() == null) {
            problems.add(new Problem("grant.batch.ends", "GRANT_BATCH_ENDS_REQUIRED"));
        } else if (window == null || window.closes() == null || window.closes().isAfter(batch.ends())) {
            // applications for a batch close by its last day, so no one is granted a batch that is already over
            problems.add(new Problem("window.closes", "GRANT_BATCH_WINDOW"));
        }
        return problems;
    }

    private static boolean blank(LocalizedText text) {
        return text == null || text.zh() == null || text.zh().isBlank() || text.en() == null || text.en().isBlank();
    }
}
