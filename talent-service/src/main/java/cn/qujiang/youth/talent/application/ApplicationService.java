package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.application.ApplicationWorkflow.Acting;
import cn.qujiang.youth.talent.calendar.Deadlines;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.documents.DocumentService;
import cn.qujiang.youth.talent.documents.MissingDocument;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import cn.qujiang.youth.talent.matches.Matches;
import cn.qujiang.youth.talent.profile.Profile;
import cn.qujiang.youth.talent.profile.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The applicant's side: apply, list, withdraw, resubmit after a request for information, accept an offer. */
@Service
public class ApplicationService {
    private final ApplicationStore store;
    private final ApplicationWorkflow workflow;
    private final ExclusiveHoldings holdings;
    private final ProfileService profiles;
    private final MatchReadModel matches;
    private final CatalogueReplica catalogue;
    private final Deadlines deadlines;
    private final OutboxRelay relay;
    private final DocumentService documents;
    private final Clock clock;

    ApplicationService(ApplicationStore store, ApplicationWorkflow workflow, ExclusiveHoldings holdings,
            ProfileService profiles, MatchReadModel matches, CatalogueReplica catalogue, Deadlines deadlines,
            OutboxRelay relay, DocumentService documents, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.holdings = holdings;
        this.profiles = profiles;
        this.matches = matches;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.relay = relay;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Accepts an application only when every rule holds; otherwise 409 APPLICATION_REFUSED with all the reasons
     * that apply, so the app can explain them at once.
     */
    ApplicationDocument submit(String applicantId, String measureCode) {
        Profile profile = profiles.find(applicantId)
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "PROFILE_REQUIRED"));
        LocalDate today = ServiceZone.today(clock);
        Optional<MeasurePublished> measure = catalogue.find(measureCode);
        Optional<Matches> latest = matches.find(applicantId);
        Optional<MatchResult> match = latest.flatMap(found -> found.result(measureCode));
        List<String> held = store.approvedCodes(applicantId);
        List<String> reasons = new ArrayList<>();
        List<MissingDocument> missing = measure.filter(m -> !m.allowsDocumentsLater())
                .map(m -> documents.outstandingBeforeSubmission(applicantId, m)).orElse(List.of());
        if (!missing.isEmpty()) {
            reasons.add("DOCUMENTS_MISSING");
        }
        if (measure.isEmpty()) {
            reasons.add("MEASURE_UNKNOWN");
        } else {
            if (measure.get().mode() == MeasurePublished.Mode.AUTO_GRANT) {
                reasons.add("AUTO_GRANT_ONLY");
            }
            if (!measure.get().openOn(today)) {
                reasons.add("WINDOW_CLOSED");
            }
        }
        if (match.isEmpty() || match.get().outcome() != Outcome.ELIGIBLE) {
            reasons.add("NOT_ELIGIBLE");
        } else if (latest.get().profileVersion() < profile.version()) {
            reasons.add("MATCH_PENDING");
        }
        if (held.contains(measureCode)) {
            reasons.add("ALREADY_HELD");
        }
        if (!catalogue.excludedBy(measureCode, held).isEmpty()) {
            reasons.add("EXCLUDED_BY_HELD");
        }
        if (store.exists(applicantId, measureCode, openStatuses())) {
            reasons.add("ALREADY_OPEN");
        }
        if (!reasons.isEmpty()) {
            throw refused(reasons).with("missingDocuments", missing);
        }
        Instant now = ServiceZone.now(clock);
        MeasurePublished published = measure.get();
        String id = UUID.randomUUID().toString();
        documents.attachForSubmission(applicantId, id, published);
        int workingDays = deadlines.workingDays(published.responseWorkingDays());
        LocalDate due = deadlines.dueDate(today, workingDays);
        OutboxEntry submitted = OutboxEntry.of(new ApplicationSubmitted(id, applicantId, measureCode,
                published.version(), published.title(), now, due), applicantId, now);
        ApplicationDocument application = new ApplicationDocument(id, 1, applicantId, ApplicationKind.APPLICATION,
                measureCode, published.version(), published.title(), ApplicationStatus.SUBMITTED,
                ApplicationDocument.openKey(applicantId, measureCode), now, now, due, workingDays,
                latest.get().profileVersion(), match.get(), null,
                List.of(new Transition(now, Actor.APPLICANT, applicantId, null, null, ApplicationStatus.SUBMITTED,
                        "SUBMITTED", null)),
                null, List.of(submitted), null);
        try {
            store.insert(application);
        } catch (DuplicateKeyException e) {
            throw refused(List.of("ALREADY_OPEN")); // a concurrent submission for the same measure won
        }
        relay.wake(ApplicationDocument.COLLECTION, id);
        return application;
    }

    List<ApplicationDocument> listOwn(String applicantId) {
        return store.listOwn(applicantId);
    }

    /** Everything held about the applicant's applications, officers' comments included (PIPL access right). */
    public List<ApplicationViews.ApplicationView> export(String applicantId, Locale locale, MessageSource messages) {
        return store.listOwn(applicantId).stream()
                .map(application -> ApplicationViews.of(application, locale, messages)).toList();
    }

    /** Erasure: deletes every application and offer of the applicant created up to {@code until}, and their claims. */
    public void eraseAllOf(String applicantId, Instant until) {
        store.deleteAllOf(applicantId, until);
        holdings.delete(applicantId);
    }

    ApplicationDocument own(String applicantId, String id) {
        return store.findOwn(id, applicantId).orElseThrow(() -> ApiException.notFound("application"));
    }

    /** Withdraws an open application, or declines an offer. */
    ApplicationDocument withdraw(String applicantId, String id) {
        ApplicationDocument application = own(applicantId, id);
        ApplicationStatus to = application.kind() == ApplicationKind.OFFER
                ? ApplicationStatus.DECLINED : ApplicationStatus.WITHDRAWN;
        return workflow.move(application, to, applicant(applicantId), to.name(), null);
    }

    /** After a request for information: refused while a required document is still missing or rejected. */
    ApplicationDocument resubmit(String applicantId, String id) {
        ApplicationDocument application = own(applicantId, id);
        List<MissingDocument> missing = catalogue.find(application.measureCode())
                .filter(measure -> !measure.allowsDocumentsLater())
                .map(measure -> documents.outstandingOn(id, measure)).orElse(List.of());
        if (!missing.isEmpty()) {
            throw refused(List.of("DOCUMENTS_MISSING")).with("missingDocuments", missing);
        }
        return workflow.move(application, ApplicationStatus.SUBMITTED, applicant(applicantId), "RESUBMITTED", null);
    }

    /** Accepting a confirmed offer approves it (免申即享: one call, no form). */
    ApplicationDocument accept(String applicantId, String id) {
        return workflow.move(own(applicantId, id), ApplicationStatus.APPROVED, applicant(applicantId),
                "OFFER_ACCEPTED", null);
    }

    private static Acting applicant(String applicantId) {
        return new Acting(Actor.APPLICANT, applicantId, null);
    }

    private static List<ApplicationStatus> openStatuses() {
        return Arrays.stream(ApplicationStatus.values()).filter(ApplicationStatus::isOpen).toList();
    }

    private static ApiException refused(List<String> reasons) {
        return new ApiException(HttpStatus.CONFLICT, "APPLICATION_REFUSED", reasons);
    }
}
