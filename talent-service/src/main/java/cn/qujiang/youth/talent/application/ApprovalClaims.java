package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What an approval must still hold at the moment of the decision, and what it takes before it is written: the
 * measure for the applicant ({@link ExclusiveHoldings}: nothing held or in flight excludes it), the latest known
 * match still ELIGIBLE, and a quota place in the grant's period ({@link QuotaCounters}). A refusal leaves nothing taken. Once the
 * approval is written the claims are settled; when someone else moved the application first they are given back.
 */
@Component
class ApprovalClaims {
    private final ExclusiveHoldings holdings;
    private final QuotaCounters quotas;
    private final MatchReadModel matches;
    private final CatalogueReplica catalogue;
    private final ApplicationStore store;

    ApprovalClaims(ExclusiveHoldings holdings, QuotaCounters quotas, MatchReadModel matches,
            CatalogueReplica catalogue, ApplicationStore store) {
        this.holdings = holdings;
        this.quotas = quotas;
        this.matches = matches;
        this.catalogue = catalogue;
        this.store = store;
    }

    /**
     * Takes the claims of approving {@code application} on {@code today} and returns what it grants, by the
     * measure's term as the replica has it now. 409 problems: the measure is excluded by one held or being approved,
     * the latest match is not ELIGIBLE, or QUOTA_EXHAUSTED in the grant's quota period.
     */
    Grant take(ApplicationDocument application, LocalDate today, Instant now) {
        Optional<MeasurePublished> measure = catalogue.find(application.measureCode());
        Grant grant = Grant.decidedOn(measure.map(MeasurePublished::grantTerm).orElse(GrantTerm.ONE_OFF), today);
        holdings.claim(application.applicantId(), application.id(), application.measureCode(), now);
        try {
            requireStillEligible(application);
            takeQuotaPlace(application, grant, measure.map(MeasurePublished::quota).orElse(null), now);
        } catch (RuntimeException e) {
            holdings.drop(application.applicantId(), application.id());
            throw e;
        }
        return grant;
    }

    /** The approval was written: the quota place stays, the measure is held (the claims are done). */
    void settle(ApplicationDocument application, Grant grant) {
        quotas.settle(grant.counter(application.measureCode()), application.id());
        holdings.drop(application.applicantId(), application.id());
    }

    /**
     * Someone else moved the application first. If that was an approval too (two officers at once), the quota place
     * is theirs as well and stays; otherwise it is given back.
     */
    void abandon(ApplicationDocument application, Grant grant) {
        boolean approved = store.find(application.id()).map(ApplicationDocument::status)
                .filter(ApplicationStatus.APPROVED::equals).isPresent();
        String counter = grant.counter(application.measureCode());
        if (approved) {
            quotas.settle(counter, application.id());
        } else {
            quotas.release(counter, application.id());
        }
        holdings.drop(application.applicantId(), application.id());
    }

    private void requireStillEligible(ApplicationDocument application) {
        Outcome latest = matches.find(application.applicantId())
                .flatMap(found -> found.result(application.measureCode()))
                .map(MatchResult::outcome).orElse(null);
        if (latest != Outcome.ELIGIBLE) {
            throw new ApprovalRefusedException.NotEligible(application.measureCode(), latest);
        }
    }

    private void takeQuotaPlace(ApplicationDocument application, Grant grant, Integer quota, Instant now) {
        if (!quotas.reserve(grant.counter(application.measureCode()), application.id(), quota, now)) {
            throw new ApiException(HttpStatus.CONFLICT, "QUOTA_EXHAUSTED", application.measureCode());
        }
    }
}
