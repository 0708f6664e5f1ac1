package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.catalogue.DraftUnderReview;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Impact previews of drafts over every stored applicant, computed in the background: over 100,000 applicants a
 * preview takes longer than the gateway waits for an answer, so a request starts one (or finds it running) and the
 * console asks again. A finished preview is kept while it is still true of the same draft revision, catalogue
 * revision and day, so the second officer who reviews the draft sees the author's numbers at once; it can be run
 * again on request (profiles change meanwhile). One preview runs at a time, on one thread, beside the re-match.
 */
@Component
class ImpactPreviews implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ImpactPreviews.class);

    private final MatchStore store;
    private final Matcher matcher;
    private final ActiveCatalogue catalogue;
    private final MatchingProperties properties;
    private final Clock clock;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "impact-preview");
        thread.setDaemon(true);
        return thread;
    });

    ImpactPreviews(MatchStore store, Matcher matcher, ActiveCatalogue catalogue, MatchingProperties properties,
            Clock clock) {
        this.store = store;
        this.matcher = matcher;
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one preview is of (the draft's save, the catalogue, the day): a preview of anything else is out of date. */
    record Key(String code, long draftRevision, Instant draftSavedAt, long catalogueRevision, LocalDate day) {
    }

    /**
     * A preview running ({@code impact} null, {@code evaluated} so far), finished, or failed; immutable but for the
     * progress count: finishing replaces it.
     */
    record Run(Key key, AtomicLong evaluated, Instant started, Impact impact, String failure) {

        Run(Key key, Instant started) {
            this(key, new AtomicLong(), started, null, null);
        }

        boolean finished() {
            return impact != null || failure != null;
        }
    }

    /** The finished counts; {@code took} in milliseconds. */
    record Impact(ImpactTally tally, Integer publishedVersion, int draftVersion, Instant computedAt, long took) {
    }

    /** The preview of the draft as it is now: the kept one while still valid (unless {@code again}), else a new one. */
    Run preview(DraftUnderReview draft, boolean again) {
        CatalogueSnapshot snapshot = catalogue.current();
        Key key = new Key(draft.code(), draft.revision(), draft.savedAt(), snapshot.revision(), matcher.today());
        return runs.compute(draft.code(), (code, known) -> {
            if (known != null && known.key().equals(key) && !(again && known.finished())) {
                return known;
            }
            Run run = new Run(key, clock.instant());
            worker.execute(() -> compute(run, snapshot, draft.measure()));
            return run;
        });
    }

    /** Counts the draft's impact synchronously: for the benchmark, and what the background run does. */
    Impact compute(CatalogueSnapshot snapshot, CompiledMeasure draft, LocalDate today, AtomicLong evaluated) {
        long started = System.nanoTime();
        CompiledMeasure published = snapshot.measures().stream().filter(m -> m.code().equals(draft.code()))
                .findFirst().orElse(null);
        ImpactTally tally = new ImpactTally(matcher, published, draft, today);
        store.forEachPageToEvaluate(properties.batchSize(), page -> {
            // The two cores evaluate while the cursor's next batch arrives; the tally itself is not shared.
            List<ImpactTally.Comparison> compared = page.parallelStream().map(tally::compare).toList();
            compared.forEach(tally::add);
            evaluated.addAndGet(compared.size());
        });
        return new Impact(tally, published == null ? null : published.version(), draft.version(), clock.instant(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void compute(Run run, CatalogueSnapshot snapshot, CompiledMeasure draft) {
        Run finished;
        try {
            Impact impact = compute(snapshot, draft, run.key().day(), run.evaluated());
            finished = new Run(run.key(), run.evaluated(), run.started(), impact, null);
            log.info("impact preview of {} draft {}: {} applicants in {} ms", run.key().code(),
                    run.key().draftRevision(), impact.tally().applicants(), impact.took());
        } catch (RuntimeException e) {
            log.warn("impact preview of {} failed: {}", run.key().code(), e.getMessage());
            finished = new Run(run.key(), run.evaluated(), run.started(), null, "UNAVAILABLE");
        }
        Run result = finished;
        runs.computeIfPresent(run.key().code(), (code, current) -> current == run ? result : current);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
