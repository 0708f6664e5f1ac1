package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.engine.eligibility.ApplicantFactsDeriver;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.DerivedFacts;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import cn.qujiang.youth.policy.engine.eligibility.Outlooks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Evaluates an applicant's facts against the active measures of a catalogue snapshot, as of a day. Matching (events,
 * stored results, re-matches) asks time only whether waiting can mend a failure ({@link Outlooks#NEAR_MISS}); the
 * days ("可于 2027年3月1日 起申请") are worked out where results are shown to someone ({@link Outlooks#DATES}).
 */
@Component
class Matcher {
    private final ActiveCatalogue catalogue;
    private final EligibilityEngine engine;
    private final Clock clock;

    Matcher(ActiveCatalogue catalogue, EligibilityEngine engine, Clock clock) {
        this.catalogue = catalogue;
        this.engine = engine;
        this.clock = clock;
    }

    /** Against the current catalogue, as of today in the district. */
    Evaluation evaluate(long profileVersion, ApplicantFacts facts, List<String> heldMeasures) {
        Instant now = clock.instant();
        CatalogueSnapshot snapshot = catalogue.current();
        LocalDate asOf = LocalDate.ofInstant(now, clock.getZone());
        return Evaluation.of(profileVersion, facts, heldMeasures, asOf, snapshot.revision(), now,
                results(snapshot, facts, heldMeasures, asOf, Outlooks.NEAR_MISS));
    }

    /** Every active measure, nothing stored: for a new profile, an event, or the anonymous calculator. */
    List<MatchResult> results(CatalogueSnapshot snapshot, ApplicantFacts facts, List<String> heldMeasures,
            LocalDate asOf, Outlooks outlooks) {
        return engine.evaluateAll(snapshot.measures(), facts == null ? ApplicantFacts.none() : facts, asOf,
                held(heldMeasures), outlooks);
    }

    /**
     * The stored result lines brought up to a snapshot and day. A line decided by a version that is still the
     * active one, on the same day, is kept as it is: the same facts, version and day decide the same. Only the other
     * measures are evaluated, which makes re-matching everyone after one publish about forty times cheaper. The
     * impact preview passes the published version and the draft of one measure, and gets their two lines exactly as
     * a re-match after publishing would compute them.
     */
    List<String> refreshedLines(ApplicantMatches stored, List<CompiledMeasure> measures, LocalDate asOf) {
        List<String> storedLines = asOf.equals(stored.asOf()) ? stored.results() : List.of();
        DerivedFacts derived = null;
        Set<String> held = null;
        List<String> lines = new ArrayList<>(measures.size());
        for (int i = 0; i < measures.size(); i++) {
            CompiledMeasure measure = measures.get(i);
            String line = kept(storedLines, i, measure);
            if (line == null) {
                if (derived == null) {
                    derived = derive(stored.facts(), asOf);
                    held = held(stored.heldMeasures());
                }
                line = StoredResult.of(engine.evaluate(measure, derived, asOf, held, Outlooks.NEAR_MISS)).encode();
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * The stored line of {@code measure} if that version decided it, else null. Lines are stored in the catalogue's
     * order, so the line at the measure's own position is tried first; the others only when the catalogue changed
     * shape since (a measure added or retired).
     */
    private static String kept(List<String> storedLines, int position, CompiledMeasure measure) {
        String line = position < storedLines.size() && StoredResult.isOf(storedLines.get(position), measure.code())
                ? storedLines.get(position) : null;
        for (int i = 0; line == null && i < storedLines.size(); i++) {
            line = StoredResult.isOf(storedLines.get(i), measure.code()) ? storedLines.get(i) : null;
        }
        return line == null || !StoredResult.decidedBy(line, measure.code(), measure.version()) ? null : line;
    }

    /**
     * What a MatchesEvaluated carries for lines just brought up to {@code measures} (the same order, as
     * {@link #refreshedLines} returns them): each line with the values its criteria read from the facts. The same as
     * evaluating every measure again, without evaluating any.
     */
    List<MatchResult> announced(List<String> lines, List<CompiledMeasure> measures, ApplicantFacts facts,
            LocalDate asOf) {
        DerivedFacts derived = derive(facts, asOf);
        List<MatchResult> results = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            results.add(StoredResult.decode(lines.get(i)).withValues(measures.get(i), derived));
        }
        return results;
    }

    /**
     * Stored results in full again (with the applicant's values and the days time changes them): the stored facts
     * evaluated against the stored measure versions on the stored day. A version that can no longer be found shows
     * its stored outcome only.
     */
    List<MatchResult> replay(ApplicantMatches stored) {
        DerivedFacts derived = derive(stored.facts(), stored.asOf());
        Set<String> held = held(stored.heldMeasures());
        return stored.results().stream().map(StoredResult::decode)
                .map(result -> catalogue.version(result.measureCode(), result.measureVersion())
                        .map(measure -> engine.evaluate(measure, derived, stored.asOf(), held, Outlooks.DATES))
                        .orElseGet(result::withoutValues))
                .toList();
    }

    /**
     * One measure for a stored applicant in full, with the values of the facts each criterion read, decided as the
     * stored lines are (near misses, no days).
     */
    MatchResult evaluate(ApplicantMatches stored, CompiledMeasure measure, LocalDate asOf) {
        return engine.evaluate(measure, derive(stored.facts(), asOf), asOf, held(stored.heldMeasures()),
                Outlooks.NEAR_MISS);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The measures an applicant holds, as a set. Most hold none, and {@code Set.copyOf} of an empty list still builds
     * and copies a hash set: once per applicant in a re-match, that showed in its profile.
     */
    private static Set<String> held(List<String> heldMeasures) {
        return heldMeasures == null || heldMeasures.isEmpty() ? Set.of() : Set.copyOf(heldMeasures);
    }

    private static DerivedFacts derive(ApplicantFacts facts, LocalDate asOf) {
        return ApplicantFactsDeriver.derive(facts == null ? ApplicantFacts.none() : facts, asOf);
    }
}
