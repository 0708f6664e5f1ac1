package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.calendar.Deadlines;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.matches.EligibleCounts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The uptake table for a period, read fresh on each call: the eligible counts the match read model keeps, the
 * period's days of the uptake counts ({@link UptakeCounts}), one aggregation for what is overdue today and the
 * adding up in {@link UptakeTally} (README, "Statistics").
 */
@Service
class UptakeStatistics {
    private final UptakeQueries queries;
    private final UptakeCounts counts;
    private final EligibleCounts eligible;
    private final CatalogueReplica catalogue;
    private final Deadlines deadlines;
    private final MessageSource messages;
    private final Clock clock;
    private final FactVocabulary vocabulary = FactVocabulary.shipped();

    UptakeStatistics(UptakeQueries queries, UptakeCounts counts, EligibleCounts eligible, CatalogueReplica catalogue,
            Deadlines deadlines, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.counts = counts;
        this.eligible = eligible;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    /** The period asked for (defaults: this year up to today), refused when it is backwards or too long. */
    UptakePeriod period(LocalDate from, LocalDate to) {
        return UptakePeriod.of(from, to, ServiceZone.today(clock));
    }

    UptakeReport report(UptakePeriod period, Locale locale) {
        LocalDate today = ServiceZone.today(clock);
        UptakeCounts.Period counted = counts.read(period);
        UptakeTally.Groups groups = new UptakeTally.Groups(eligible.now(), counted.applied(), queries.overdue(today),
                counted.decisions());
        UptakeTally tally = new UptakeTally(deadlines::workingDaysBetween, vocabulary.words(locale), locale,
                category -> messages.getMessage("statistics.category." + category, null, category, locale));
        return tally.report(period, today, ServiceZone.now(clock), catalogue.all(), groups);
    }
}
