package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.eventkey.ApplicantKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates every stored applicant whose results predate the current catalogue revision or today, streamed from
 * one cursor in pages of {@code batch-size}, each written back with one bulk write. Only applicants whose results
 * changed noticeably get a MatchesEvaluated event (in the same write, its values sealed with the applicant's event
 * key; an applicant whose key is gone is being erased and gets none); the others are updated silently. While one
 * page is being written the next one is evaluated.
 *
 * <p>Nothing needs a job record to survive a crash: each applicant document says which revision and day it was
 * evaluated against, so whoever is still behind is simply found again by the next run (at start-up, by the
 * periodic catch-up, or by the next publish). A write lost to a concurrent profile event is found again the same way.
 *
 * <p>After each page is written the relay is woken with the ids of its applicants that got an event, so events
 * leave while the run goes on; it finds them by {@code _id} alone, from the index. Leaving them to its periodic
 * sweep instead cost more: every sweep searches all applicants for a non-empty outbox.
 */
@Component
class Rematch {
    private static final Logger log = LoggerFactory.getLogger(Rematch.class);
    private static final int MAX_PASSES = 5;

    private final MatchStore store;
    private final Matcher matcher;
    private final ActiveCatalogue catalogue;
    private final MatchingProperties properties;
    private final OutboxRelay relay;
    private final ApplicantKeys keys;
    private final Clock clock;
    private final Timer runs;
    private final Counter reevaluated;
    private final Counter announced;

    Rematch(MatchStore store, Matcher matcher, ActiveCatalogue catalogue, MatchingProperties properties,
            OutboxRelay relay, ApplicantKeys keys, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.matcher = matcher;
        this.catalogue = catalogue;
        this.properties = properties;
        this.relay = relay;
        this.keys = keys;
        this.clock = clock;
        this.runs = Timer.builder("policy.rematch.runs")
                .description("Re-match runs that found applicants behind (publish, retirement, sweep, catch-up)")
                .register(meters);
        this.reevaluated = Counter.builder("policy.rematch.applicants")
                .description("Applicants re-evaluated by re-match runs").register(meters);
        this.announced = Counter.builder("policy.rematch.changed")
                .description("Re-evaluated applicants whose results changed: one MatchesEvaluated each")
                .register(meters);
    }

    /** Brings every applicant up to the current catalogue and day; returns what it did. */
    Report run() {
        long started = System.nanoTime();
        Report total = Report.NONE;
        ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "rematch-writer"));
        try {
            for (int pass = 0; pass < MAX_PASSES && !Thread.currentThread().isInterrupted(); pass++) {
                Report report = new Pass(catalogue.current(), LocalDate.now(clock), writer).run();
                total = total.plus(report);
                if (report.conflicts() == 0) {
                    break;
                }
            }
        } finally {
            writer.shutdownNow();
        }
        total = total.took(System.nanoTime() - started);
        if (total.evaluated() > 0) {
            // Counters first: whoever sees the run counted finds its applicants and events counted too.
            reevaluated.increment(total.evaluated());
            announced.increment(total.changed());
            runs.record(total.nanos(), TimeUnit.NANOSECONDS);
            log.info("re-matched {} applicants ({} changed, {} conflicts) in {} ms: {} ms evaluating, {} ms "
                    + "waiting for writes", total.evaluated(), total.changed(), total.conflicts(),
                    total.nanos() / 1_000_000, total.evaluateNanos() / 1_000_000, total.writeWaitNanos() / 1_000_000);
        }
        return total;
    }

    /** One sweep over the applicants behind a snapshot, with at most one bulk write in flight. */
    private final class Pass {
        private final CatalogueSnapshot snapshot;
        private final LocalDate today;
        private final ExecutorService writer;
        private Report report = Report.NONE;
        private Future<Long> writing;
        private int writingSize;

        Pass(CatalogueSnapshot snapshot, LocalDate today, ExecutorService writer) {
            this.snapshot = snapshot;
            this.today = today;
            this.writer = writer;
        }

        Report run() {
            store.forEachPageBehind(snapshot.revision(), today, properties.batchSize(), this::page);
            awaitWrite();
            return report;
        }

        private void page(List<ApplicantMatches> page) {
            long started = System.nanoTime();
            Instant now = clock.instant();
            List<List<String>> refreshed = new ArrayList<>(page.size());
            List<MatchDiff> diffs = new ArrayList<>(page.size());
            List<String> changed = new ArrayList<>();
            for (ApplicantMatches stored : page) {
                List<String> lines = matcher.refreshedLines(stored, snapshot.measures(), today);
                MatchDiff diff = MatchDiff.between(stored.results(), lines);
                refreshed.add(lines);
                diffs.add(diff);
                if (diff.changed()) {
                    changed.add(stored.applicantId());
                }
            }
            // One lookup for the page's keys instead of one call per applicant that is not cached.
            Map<String, EventKey> eventKeys = changed.isEmpty() ? Map.of() : keys.findAll(changed);
            List<MatchStore.Rewrite> rewrites = new ArrayList<>(page.size());
            int announced = 0;
            for (int i = 0; i < page.size(); i++) {
                ApplicantMatches stored = page.get(i);
                List<String> lines = refreshed.get(i);
                EventKey key = diffs.get(i).changed() ? eventKeys.get(stored.applicantId()) : null;
                OutboxEntry event = null;
                if (key != null) {
                    event = OutboxEntry.of(event(stored, lines, now, diffs.get(i)).sealValues(key),
                            stored.applicantId(), now);
                    announced++;
                }
                rewrites.add(new MatchStore.Rewrite(stored.applicantId(), stored.lock(), diffs.get(i), lines,
                        today, snapshot.revision(), now, event));
            }
            report = report.plus(new Report(page.size(), announced, 0, 0, System.nanoTime() - started, 0));
            awaitWrite();
            writing = writer.submit(() -> {
                long written = store.updateAll(rewrites);
                rewrites.stream().filter(rewrite -> rewrite.event() != null)
                        .forEach(rewrite -> relay.wake(ApplicantMatches.COLLECTION, rewrite.applicantId()));
                return written;
            });
            writingSize = rewrites.size();
        }

        private void awaitWrite() {
            if (writing == null) {
                return;
            }
            long started = System.nanoTime();
            try {
                long written = writing.get();
                report = report.plus(new Report(0, 0, writingSize - written, 0, 0, System.nanoTime() - started));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("re-match interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } finally {
                writing = null;
            }
        }

        /**
         * The event carries the results whose line changed (a catalogue change touches one measure, the event need
         * not repeat the other 39), or every result when the measures differ; each with the values its criteria
         * read, looked up rather than evaluated again (MatcherTest: the same as a full evaluation).
         */
        private MatchesEvaluated event(ApplicantMatches stored, List<String> lines, Instant now, MatchDiff diff) {
            Trigger trigger = stored.catalogueRevision() < snapshot.revision()
                    ? Trigger.CATALOGUE_CHANGED : Trigger.DAILY_SWEEP;
            Optional<List<Integer>> changed = diff.changedPositions();
            List<String> announcedLines = changed.map(positions -> positions.stream().map(lines::get).toList())
                    .orElse(lines);
            List<CompiledMeasure> measures = changed.map(positions -> positions.stream()
                    .map(snapshot.measures()::get).toList()).orElse(snapshot.measures());
            List<MatchResult> results = matcher.announced(announcedLines, measures, stored.facts(), today);
            MatchesEvaluated event = new MatchesEvaluated(stored.applicantId(), stored.profileVersion(), today, now,
                    trigger, results, diff.newlyEligible(), diff.noLongerEligible());
            return changed.isPresent() ? event.withOnlyChanged(results) : event;
        }
    }

    /**
     * How many applicants were evaluated, how many got an event, how many writes lost a race, and where the time
     * went (evaluating includes building the events; reading is the rest).
     */
    record Report(long evaluated, long changed, long conflicts, long nanos, long evaluateNanos, long writeWaitNanos) {
        static final Report NONE = new Report(0, 0, 0, 0, 0, 0);

        Report plus(Report other) {
            return new Report(evaluated + other.evaluated, changed + other.changed, conflicts + other.conflicts,
                    nanos + other.nanos, evaluateNanos + other.evaluateNanos, writeWaitNanos + other.writeWaitNanos);
        }

        Report took(long elapsed) {
            return new Report(evaluated, changed, conflicts, elapsed, evaluateNanos, writeWaitNanos);
        }
    }
}
