package cn.qujiang.youth.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import cn.qujiang.youth.policy.engine.eligibility.Outlooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How large one MatchesEvaluated is on the wire for one applicant and the 40 measures of the sample catalogue: every
 * changed applicant of a re-match is one such event through the outbox and the broker. Prints the figures the
 * README quotes: 39,175 bytes on average while results carried titles, criterion labels and hints in both
 * languages; 14,874 bytes with outcomes, codes and raw values only; 16,578 bytes as published now, the values
 * sealed with the applicant's event key (base64 adds a third to them). Texts must not come back onto the wire.
 * A re-match after one measure changed announces only that measure's result ({@code onlyChanged}): it prints that
 * size too.
 */
class MatchEventSizeTest {
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final int APPLICANTS = 200;

    private final EligibilityEngine engine = new EligibilityEngine();
    private final Matcher matcher = new Matcher(null, engine,
            Clock.fixed(TODAY.atTime(9, 0).atZone(DISTRICT).toInstant(), DISTRICT));

    @Test
    void oneApplicantAgainstTheSampleCatalogue() throws Exception {
        CatalogueSnapshot catalogue = sampleCatalogue();
        Random random = new Random(42);
        long total = 0;
        long largest = 0;
        long oneChanged = 0;
        for (int i = 0; i < APPLICANTS; i++) {
            MatchesEvaluated event = event(catalogue, BenchApplicants.facts(random, TODAY));
            int size = size(event);
            total += size;
            largest = Math.max(largest, size);
            int changed = i % event.results().size();
            oneChanged += size(event.withOnlyChanged(event.results().subList(changed, changed + 1)));
        }
        System.out.printf("MatchesEvaluated, 1 applicant x %d measures, JSON UTF-8: mean %,d bytes, largest %,d bytes"
                + " (%d generated applicants); a re-match announcing one changed measure: mean %,d bytes%n",
                catalogue.measures().size(), total / APPLICANTS, largest, APPLICANTS, oneChanged / APPLICANTS);

        assertThat(catalogue.measures()).hasSize(40);
        assertThat(total / APPLICANTS).as("mean bytes").isLessThan(17_000);
        assertThat(oneChanged / APPLICANTS).as("mean bytes, one changed measure").isLessThan(1_500);
    }

    private static final EventKey KEY = EventKey.generate();

    private MatchesEvaluated event(CatalogueSnapshot catalogue, ApplicantFacts facts) {
        return new MatchesEvaluated("a7d2c1e0-3b4f-4c2a-9e1d-2f6b8c9d0e11", 3, TODAY,
                Instant.parse("2026-03-02T01:00:00Z"), MatchesEvaluated.Trigger.PROFILE_CHANGED,
                matcher.results(catalogue, facts, List.of(), TODAY, Outlooks.NEAR_MISS), List.of("QJY-01"), List.of());
    }

    /** As published: the values sealed. */
    private static int size(MatchesEvaluated event) {
        return EventJson.write(event.sealValues(KEY)).getBytes(StandardCharsets.UTF_8).length;
    }

    private CatalogueSnapshot sampleCatalogue() throws Exception {
        List<CompiledMeasure> compiled = new ArrayList<>();
        for (var definition : CatalogueSeed.load()) {
            compiled.add(engine.compile(definition.withVersion(1)));
        }
        return new CatalogueSnapshot(1, compiled);
    }
}
