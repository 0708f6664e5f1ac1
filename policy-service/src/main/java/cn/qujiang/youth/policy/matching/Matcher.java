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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                heldMeasures == null ? Set.of() : Set.copyOf(heldMeasures), outlooks);
    }

    /**
     * The stored result lines brought up to a snapshot and day. A line decided by a version that is still the
     * active one, on the same day, is kept as it is: the same facts, version and day decide the same. Only the other
     * measures are evaluated, which makes re-matching everyone after one publish about forty times cheaper.
     */
    List<String> refreshedLines(ApplicantMatches stored, CatalogueSnapshot snapshot, LocalDate asOf) {
        Map<String, String> kept = new HashMap<>();
        if (asOf.equals(stored.asOf())) {
            stored.results().forEach(line -> kept.put(StoredResult.code(line), line));
        }
        DerivedFacts derived = null;
        Set<String> held = Set.copyOf(stored.heldMeasures());
        List<String> lines = new ArrayList<>(snapshot.measures().size());
        for (CompiledMeasure measure : snapshot.measures()) {
            String line = kept.get(measure.code());
            if (line == null || StoredResult.version(line) != measure.version()) {
                if (derived == null) {
                    derived = derive(stored.facts(), asOf);
                }
                line = StoredResult.of(engine.evaluate(measure, derived, asOf, held, Outlooks.NEAR_MISS)).encode();
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Stored results in full again (with the applicant's values and the days time changes them): the stored facts
     * evaluated against the stored measure versions on the stored day. A version that can no longer be found shows
     * its stored outcome only.
     */
    List<MatchResult> replay(ApplicantMatches stored) {
        DerivedFacts derived = derive(stored.facts(), stored.asOf());
        Set<String> held = Set.copyOf(stored.heldMeasures());
        return stored.results().stream().map(StoredResult::decode)
                .map(result -> catalogue.version(result.measureCode(), result.measureVersion())
                        .map(measure -> engine.evaluate(measure, derived, stored.asOf(), held, Outlooks.DATES))
                        .orElseGet(result::withoutValues))
                .toList();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static DerivedFacts derive(ApplicantFacts facts, LocalDate asOf) {
        return ApplicantFactsDeriver.derive(facts == null ? ApplicantFacts.none() : facts, asOf);
    }
}
