package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How many places of a measure are left in the quota period of today: the quota less the approvals counted in that
 * period (approvals in flight included), by the same counter the approvals take their places from. A year's or a
 * batch's places are its own; ending a benefit does not give its place back (the quota counts approvals).
 */
@Component
class PlacesLeft {
    private final CatalogueReplica catalogue;
    private final QuotaCounters quotas;
    private final MessageSource messages;
    private final Clock clock;

    PlacesLeft(CatalogueReplica catalogue, QuotaCounters quotas, MessageSource messages, Clock clock) {
        this.catalogue = catalogue;
        this.quotas = quotas;
        this.messages = messages;
        this.clock = clock;
    }

    @Schema(description = "Places of a measure in the current quota period: `period` year:2026, batch:<id> or "
            + "overall, `periodName` in words; `quota` and `left` absent when the measure has no quota.",
            example = """
                    {"measureCode": "QJY-39", "term": "BATCH", "period": "batch:2027-SPRING",
                     "periodName": "2027年春季", "quota": 300, "approved": 41, "left": 259}""")
    record PlacesView(String measureCode, GrantTerm.Term term, String period, String periodName, Integer quota,
            long approved, Integer left) {
    }

    /** The places of {@code measureCode} today; empty for a measure the replica does not know. */
    Optional<PlacesView> of(String measureCode, Locale locale) {
        return catalogue.find(measureCode).map(measure -> of(measure, ServiceZone.today(clock), locale));
    }

    PlacesView of(MeasurePublished measure, LocalDate today, Locale locale) {
        GrantTerm term = measure.grantTerm();
        String period = Grant.period(term, today);
        long approved = quotas.approved(Grant.counter(measure.code(), period));
        Integer quota = measure.quota();
        Integer left = quota == null ? null : (int) Math.max(0, quota - approved);
        return new PlacesView(measure.code(), term.term(), period, periodName(term, today, locale), quota, approved,
                left);
    }

    private String periodName(GrantTerm term, LocalDate today, Locale locale) {
        return switch (term.term()) {
            case CALENDAR_YEAR -> messages.getMessage("period.year", new Object[] {String.valueOf(today.getYear())},
                    locale);
            case BATCH -> term.batch().name() == null ? term.batch().id() : term.batch().name().in(locale);
            case ONE_OFF, MONTHS -> messages.getMessage("period.overall", null, locale);
        };
    }
}
