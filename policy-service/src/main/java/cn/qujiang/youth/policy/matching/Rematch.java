package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates every stored applicant whose results predate the current catalogue revision or today, streamed from
 * one cursor in pages of {@code batch-size}, each written back with one bulk write. Only applicants whose results changed
 * noticeably get a MatchesEvaluated event (in the same write); the others are updated silently.
 *
 * <p>Nothing needs a job record to survive a crash: each applicant document says which revision and day it was
 * evaluated against, so whoever is still behind is simply found again by the next run (at start-up, by the
 * periodic catch-up, or by the next publish). A write lost to a concurrent profile event is found again the same way.
 */
@Component
class Rematch {
    private static final Logger log = LoggerFactory.getLogger(Rematch.class);
    private static final int MAX_PASSES = 5;

    private final MatchStore store;
    private final Matcher matcher;
    private final ActiveCatalogue catalogue;
    private final OutboxRelay relay;
    private final MatchingProperties properties;
    private final Clock clock;

    Rematch(MatchStore store, Matcher matcher, ActiveCatalogue catalogue, OutboxRelay relay,
            MatchingProperties properties, Clock clock) {
        this.store = store;
        this.matcher = matcher;
        this.catalogue = catalogue;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    /** Brings every applicant up to the current catalogue and day; returns what it did. */
    Report run() {
        long started = System.nanoTime();
        Report total = Report.NONE;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Report report = pass(catalogue.current(), LocalDate.now(clock));
            total = total.plus(report);
            if (report.conflicts() == 0 || Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        total = total.took(System.nanoTime() - started);
        if (total.evaluated() > 0) {
            log.info("re-matched {} applicants ({} changed, {} conflicts) in {} ms: {} ms evaluating, {} ms "
                    + "writing, the rest reading", total.evaluated(), total.changed(), total.conflicts(),
                    total.nanos() / 1_000_000, total.evaluateNanos() / 1_000_000, total.writeNanos() / 1_000_000);
        }
        return total;
    }

    private Report pass(CatalogueSnapshot snapshot, LocalDate today) {
        Report[] report = {Report.NONE};
        store.forEachPageBehind(snapshot.revision(), today, properties.batchSize(),
                page -> report[0] = report[0].plus(rewrite(page, snapshot, today)));
        return report[0];
    }

    private Report rewrite(List<ApplicantMatches> page, CatalogueSnapshot snapshot, LocalDate today) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<MatchStore.Rewrite> rewrites = new ArrayList<>(page.size());
        List<String> announced = new ArrayList<>();
        for (ApplicantMatches stored : page) {
            List<String> lines = matcher.refreshedLines(stored, snapshot, today);
            MatchDiff diff = MatchDiff.between(stored.results(), lines);
            OutboxEntry event = null;
            if (diff.changed()) {
                event = OutboxEntry.of(event(stored, snapshot, today, now, diff), stored.applicantId(), now);
                announced.add(stored.applicantId());
            }
            rewrites.add(new MatchStore.Rewrite(stored.applicantId(), stored.lock(), lines, today,
                    snapshot.revision(), now, event));
        }
        long evaluated = System.nanoTime();
        long written = store.updateAll(rewrites);
        // no wake: experiment
        return new Report(page.size(), announced.size(), page.size() - written, 0, evaluated - started,
                System.nanoTime() - evaluated);
    }

    /** The event carries every result in full, so the few applicants who get one are evaluated completely. */
    private MatchesEvaluated event(ApplicantMatches stored, CatalogueSnapshot snapshot, LocalDate today, Instant now,
            MatchDiff diff) {
        Trigger trigger = stored.catalogueRevision() < snapshot.revision()
                ? Trigger.CATALOGUE_CHANGED : Trigger.DAILY_SWEEP;
        return new MatchesEvaluated(stored.applicantId(), stored.profileVersion(), today, now, trigger,
                matcher.results(snapshot, stored.facts(), stored.heldMeasures(), today), diff.newlyEligible(),
                diff.noLongerEligible());
    }

    /**
     * How many applicants were evaluated, how many got an event, how many writes lost a race, and where the time
     * went (evaluating includes building the events).
     */
    record Report(long evaluated, long changed, long conflicts, long nanos, long evaluateNanos, long writeNanos) {
        static final Report NONE = new Report(0, 0, 0, 0, 0, 0);

        Report plus(Report other) {
            return new Report(evaluated + other.evaluated, changed + other.changed, conflicts + other.conflicts,
                    nanos + other.nanos, evaluateNanos + other.evaluateNanos, writeNanos + other.writeNanos);
        }

        Report took(long elapsed) {
            return new Report(evaluated, changed, conflicts, elapsed, evaluateNanos, writeNanos);
        }
    }
}
