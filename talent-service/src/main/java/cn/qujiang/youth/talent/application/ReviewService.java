package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.application.ApplicationWorkflow.Acting;
import cn.qujiang.youth.talent.application.ReviewViews.ConfirmOffersResult;
import cn.qujiang.youth.talent.application.ReviewViews.OfficerView;
import cn.qujiang.youth.talent.application.ReviewViews.RejectOffersRequest;
import cn.qujiang.youth.talent.application.ReviewViews.RejectOffersResult;
import cn.qujiang.youth.talent.application.ReviewViews.SkippedOffer;
import cn.qujiang.youth.talent.application.ReviewViews.DecisionKind;
import cn.qujiang.youth.talent.application.ApplicationViews.GrantView;
import cn.qujiang.youth.talent.application.ReviewViews.DecisionRequest;
import cn.qujiang.youth.talent.application.ReviewViews.EndReasonView;
import cn.qujiang.youth.talent.application.ReviewViews.EndRequest;
import cn.qujiang.youth.talent.application.ReviewViews.Eligibility;
import cn.qujiang.youth.talent.application.ReviewViews.MaskedApplicant;
import cn.qujiang.youth.talent.application.ReviewViews.QueueItem;
import cn.qujiang.youth.talent.application.ReviewViews.ClaimView;
import cn.qujiang.youth.talent.application.ReviewViews.DecisionReasonView;
import cn.qujiang.youth.talent.application.ReviewViews.DisclosureView;
import cn.qujiang.youth.talent.application.ReviewViews.HandoverView;
import cn.qujiang.youth.talent.application.ReviewViews.StatusCount;
import cn.qujiang.youth.talent.matches.MatchResultView.ExclusionView;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.calendar.Deadlines;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.talent.application.ReviewViews.QueuePage;
import cn.qujiang.youth.talent.application.ReviewViews.ReviewDetail;
import cn.qujiang.youth.talent.application.ReviewViews.TransitionView;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import cn.qujiang.youth.talent.matches.MatchResultViews;
import cn.qujiang.youth.talent.matches.Matches;
import cn.qujiang.youth.talent.profile.Profile;
import cn.qujiang.youth.talent.profile.ProfileDetails;
import cn.qujiang.youth.talent.profile.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The officers' side: the queue by due date, an application with the eligibility trace at submission and now, what
 * it granted and the places left, decisions and the ending of a granted benefit guarded by the version the officer
 * saw, and bulk confirmation of auto-grant offers.
 */
@Service
class ReviewService {
    private final ApplicationStore store;
    private final ApplicationWorkflow workflow;
    private final ProfileService profiles;
    private final MatchReadModel matches;
    private final MatchResultViews matchViews;
    private final PlacesLeft places;
    private final OfficerFacts facts;
    private final CatalogueReplica catalogue;
    private final Deadlines deadlines;
    private final MessageSource messages;
    private final IdentityDisclosures disclosures;
    private final OfficerClaims claims;
    private final OfficerDirectory officers;
    private final Clock clock;

    ReviewService(ApplicationStore store, ApplicationWorkflow workflow, ProfileService profiles, MatchReadModel matches,
            MatchResultViews matchViews, PlacesLeft places, OfficerFacts facts, CatalogueReplica catalogue,
            Deadlines deadlines, MessageSource messages, IdentityDisclosures disclosures, OfficerClaims claims,
            OfficerDirectory officers, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.profiles = profiles;
        this.matches = matches;
        this.matchViews = matchViews;
        this.places = places;
        this.facts = facts;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.messages = messages;
        this.disclosures = disclosures;
        this.claims = claims;
        this.officers = officers;
        this.clock = clock;
    }

    /**
     * The queue's filters; {@code dueWithin}: due within that many working days from today, overdue included;
     * {@code mine}: only what the calling officer holds.
     */
    record QueueQuery(ApplicationStatus status, String measureCode, Boolean overdue, Integer dueWithin,
            boolean mine, boolean latestFirst, int page, int size) {
    }

    QueuePage queue(Acting officer, QueueQuery query, Locale locale) {
        officers.seen(officer);
        Instant lapsedBefore = claims.lapsedBefore();
        LocalDate today = ServiceZone.today(clock);
        Set<ApplicationStatus> statuses = query.status() == null ? ApplicationStatus.awaitingOfficer()
                : Set.of(query.status());
        LocalDate dueBy = query.dueWithin() == null ? null : deadlines.withinWorkingDays(today, query.dueWithin());
        ApplicationStore.HeldBy mine = query.mine() ? new ApplicationStore.HeldBy(officer.subject(), lapsedBefore) : null;
        ApplicationStore.QueueFilter filter = new ApplicationStore.QueueFilter(statuses, query.measureCode(),
                query.overdue(), dueBy, today, mine);
        List<ApplicationDocument> found = store.queue(filter, query.latestFirst(), query.page(), query.size());
        Map<String, Profile> applicants = profiles.findAll(found.stream().map(ApplicationDocument::applicantId)
                .distinct().toList());
        List<QueueItem> items = found.stream().map(application -> new QueueItem(application.id(),
                application.kind(), application.measureCode(), title(application.measureTitle(), application.measureCode(), locale),
                application.status(),
                Optional.ofNullable(applicants.get(application.applicantId()))
                        .map(profile -> Masking.name(profile.personal().name())).orElse(null),
                application.submittedAt(), application.dueDate(), application.overdueOn(today),
                workingDaysLeft(application, today),
                Optional.ofNullable(application.liveClaim(lapsedBefore)).map(ApplicationDocument.Claim::byName)
                        .orElse(null), application.version()))
                .toList();
        // the counts beside the filters are of the same applications: the measure and 我办理的 apply to them too
        List<StatusCount> counts = store.countByStatus(query.measureCode(), mine).entrySet().stream()
                .map(count -> new StatusCount(count.getKey(), count.getValue())).toList();
        long overdue = store.count(new ApplicationStore.QueueFilter(ApplicationStatus.awaitingOfficer(),
                query.measureCode(), true, null, today, mine));
        return new QueuePage(items, query.page(), query.size(), store.count(filter), counts, overdue);
    }

    private Integer workingDaysLeft(ApplicationDocument application, LocalDate today) {
        return application.status().awaitsOfficer() && application.dueDate() != null
                ? deadlines.workingDaysLeft(today, application.dueDate()) : null;
    }

    ReviewDetail detail(Acting officer, String id, Locale locale) {
        return detail(store.find(id).orElseThrow(() -> ApiException.notFound("application")), officer, locale);
    }

    ReviewDetail decide(Acting officer, String id, DecisionRequest request, Locale locale) {
        if (!DecisionReason.fits(request.decision(), request.reasonCode())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "REASON_NOT_FOR_DECISION");
        }
        ApplicationDocument application = atVersion(id, request.version(), officer);
        ApplicationStatus to = switch (request.decision()) {
            case APPROVE -> ApplicationStatus.APPROVED;
            case REJECT -> ApplicationStatus.REJECTED;
            case REQUEST_INFO -> ApplicationStatus.INFO_REQUESTED;
        };
        if (application.kind() == ApplicationKind.OFFER && request.decision() != DecisionKind.REJECT) {
            // offers are confirmed in bulk and approved by the applicant's acceptance, never approved directly
            throw new ApiException(HttpStatus.CONFLICT,
                    "TRANSITION_NOT_ALLOWED", application.status(), to);
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        return detail(workflow.move(application, to, officer, request.reasonCode(), comment), officer, locale);
    }

    /**
     * Ends (or revokes) a granted benefit at the version the officer saw: 409 STALE_VERSION when it moved meanwhile,
     * 409 TRANSITION_NOT_ALLOWED unless it is APPROVED (held).
     */
    ReviewDetail end(Acting officer, String id, EndRequest request, Locale locale) {
        ApplicationDocument application = atVersion(id, request.version(), officer);
        return detail(workflow.move(application, ApplicationStatus.ENDED, officer, request.reasonCode(),
                request.comment().strip()), officer, locale);
    }

    List<EndReasonView> endReasons(Locale locale) {
        return Arrays.stream(EndReason.values()).map(reason -> new EndReasonView(reason.name(),
                ApplicationViews.reason(reason.name(), locale, messages))).toList();
    }

    /** The reasons officers may give with each kind of decision, with the words the applicant will read. */
    List<DecisionReasonView> decisionReasons(Locale locale) {
        return DecisionReason.all().stream().map(reason -> new DecisionReasonView(reason.name(), reason.decision(),
                ApplicationViews.reason(reason.name(), locale, messages),
                ApplicationViews.reason(reason.name(), Locale.CHINESE, messages),
                ApplicationViews.reason(reason.name(), Locale.ENGLISH, messages))).toList();
    }

    /** The officer takes the application: 409 CLAIMED_BY_OTHER while a colleague holds it. */
    ReviewDetail claim(Acting officer, String id, Locale locale) {
        officers.seen(officer);
        claims.take(id, officer);
        return detail(officer, id, locale);
    }

    /** The officer lets go of the application; 409 CLAIMED_BY_OTHER when a colleague holds it. */
    ReviewDetail release(Acting officer, String id, Locale locale) {
        claims.release(id, officer);
        return detail(officer, id, locale);
    }

    /** The officer hands the application to a colleague (or takes it: their own user name). */
    ReviewDetail assign(Acting officer, String id, String userName, Locale locale) {
        officers.seen(officer);
        claims.assign(id, officer, userName);
        return detail(officer, id, locale);
    }

    /** The officers an application can be handed to; {@code me} marks the caller. */
    List<OfficerView> officers(Acting officer) {
        officers.seen(officer);
        return officers.all().stream()
                .map(found -> new OfficerView(found.userName(), found.subject().equals(officer.subject()))).toList();
    }

    /**
     * The application as the officer read it: 409 STALE_VERSION when it moved meanwhile, 409 CLAIMED_BY_OTHER while
     * a colleague is working on it.
     */
    private ApplicationDocument atVersion(String id, long version, Acting officer) {
        ApplicationDocument application = store.find(id).orElseThrow(() -> ApiException.notFound("application"));
        if (application.version() != version) {
            throw new OptimisticLockingFailureException("application is at another version");
        }
        claims.requireNotHeldByOther(application, officer);
        return application;
    }

    ConfirmOffersResult confirmOffers(Acting officer, List<String> ids) {
        OfferBatch batch = decideOffers(officer, ids, ApplicationStatus.CONFIRMED, "OFFER_CONFIRMED", null);
        return new ConfirmOffersResult(batch.done(), batch.skipped().stream().map(SkippedOffer::id).toList());
    }

    /** Rejects the offers with one reason listed for rejections; each one a colleague got to first is skipped. */
    RejectOffersResult rejectOffers(Acting officer, RejectOffersRequest request) {
        if (!DecisionReason.fits(DecisionKind.REJECT, request.reasonCode())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "REASON_NOT_FOR_DECISION");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        OfferBatch batch = decideOffers(officer, request.ids(), ApplicationStatus.REJECTED, request.reasonCode(),
                comment);
        return new RejectOffersResult(batch.done(), batch.skipped());
    }

    private record OfferBatch(List<String> done, List<SkippedOffer> skipped) {
    }

    /**
     * Moves each offer on its own (one guarded write each), so that one a colleague or the applicant dealt with
     * meanwhile, or a colleague holds, is skipped with what it is now and the rest go through.
     */
    private OfferBatch decideOffers(Acting officer, List<String> ids, ApplicationStatus to, String reasonCode,
            String comment) {
        List<String> done = new ArrayList<>();
        List<SkippedOffer> skipped = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            Optional<ApplicationDocument> found = store.find(id).filter(offer -> offer.kind() == ApplicationKind.OFFER);
            if (found.isEmpty()) {
                skipped.add(new SkippedOffer(id, null, null));
                continue;
            }
            ApplicationDocument offer = found.get();
            ApplicationDocument.Claim holder = claims.live(offer);
            try {
                if (offer.claimedByOther(officer.subject(), claims.lapsedBefore())
                        || !offer.status().canMove(to, Actor.OFFICER)) {
                    skipped.add(new SkippedOffer(id, offer.status(), holder == null ? null : holder.byName()));
                } else {
                    workflow.move(offer, to, officer, reasonCode, comment);
                    done.add(id);
                }
            } catch (OptimisticLockingFailureException | ApiException e) {
                // changed meanwhile (declined, lapsed, decided by a colleague): say what it is now
                ApplicationDocument now = store.find(id).orElse(offer);
                ApplicationDocument.Claim nowHolder = claims.live(now);
                skipped.add(new SkippedOffer(id, now.status(), nowHolder == null ? null : nowHolder.byName()));
            }
        }
        return new OfferBatch(done, skipped);
    }

    private ReviewDetail detail(ApplicationDocument application, Acting officer, Locale locale) {
        LocalDate today = ServiceZone.today(clock);
        Optional<Profile> profile = profiles.find(application.applicantId());
        Optional<Matches> now = matches.find(application.applicantId());
        Long currentProfileVersion = profile.map(Profile::version).orElse(null);
        Eligibility atSubmission = new Eligibility(application.profileVersionAtSubmission(), false,
                matchViews.of(application.eligibilityAtSubmission(), locale),
                matchViews.allCriteria(application.eligibilityAtSubmission(), locale));
        Eligibility current = now.flatMap(found -> found.result(application.measureCode())
                .map(result -> new Eligibility(found.profileVersion(),
                        currentProfileVersion != null && currentProfileVersion == found.profileVersion(),
                        matchViews.of(result, locale), matchViews.allCriteria(result, locale))))
                .orElse(null);
        ApplicationDocument.Claim claim = claims.live(application);
        return new ReviewDetail(application.id(), application.kind(), application.version(), application.status(),
                application.measureCode(), title(application.measureTitle(), application.measureCode(), locale),
                application.submittedAt(), application.dueDate(), application.responseWorkingDays(),
                application.overdueOn(today), profile.map(found -> masked(found, today, locale)).orElse(null),
                atSubmission, current,
                application.transitions().stream().map(t -> new TransitionView(t.at(), t.actor(), t.by(), t.byName(),
                        t.from(), t.to(), t.reasonCode(), ApplicationViews.reason(t.reasonCode(), locale, messages),
                        t.comment())).toList(),
                GrantView.of(application), places.of(application.measureCode(), locale).orElse(null),
                workingDaysLeft(application, today),
                claim == null ? null : new ClaimView(claim.byName(), claim.at(), claim.by().equals(officer.subject())),
                disclosures.of(application.id()).stream()
                        .map(disclosure -> new DisclosureView(disclosure.at(), disclosure.byName())).toList(),
                application.handovers().stream()
                        .map(handover -> new HandoverView(handover.at(), handover.byName(), handover.toName())).toList());
    }

    private MaskedApplicant masked(Profile profile, LocalDate today, Locale locale) {
        ProfileDetails details = profile.details() == null ? new ProfileDetails(null, null, null) : profile.details();
        List<String> held = profile.heldMeasures() == null ? List.of() : profile.heldMeasures();
        Map<String, MeasurePublished> titles = catalogue.findAll(held);
        return new MaskedApplicant(profile.applicantId(), Masking.name(profile.personal().name()),
                Masking.idNumber(profile.personal().idNumber()), Masking.phone(profile.personal().phone()),
                Masking.email(profile.personal().email()), OfficerFacts.age(profile.facts(), today),
                facts.of(profile.facts(), today, locale), details.school(), details.employer(),
                details.employerCreditCode(),
                held.stream().map(code -> new ExclusionView(code, Optional.ofNullable(titles.get(code))
                        .map(measure -> measure.title().in(locale)).orElse(code))).toList(),
                profile.version());
    }

    private static String title(LocalizedText title, String fallback, Locale locale) {
        return title == null ? fallback : title.in(locale);
    }
}
