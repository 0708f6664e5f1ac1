package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Applications stored as the application feature stores them (its own document and mapping), with a history given
 * step by step, for tests and benchmarks of features that read the applications collection (statistics).
 */
public final class StoredApplications {
    private StoredApplications() {
    }

    /**
     * One application (or offer, {@code offer}) of {@code applicantId} for {@code measureCode}, submitted at
     * {@code submittedAt} with the amount it was eligible for, due on {@code due}, then moved through
     * {@code steps}.
     */
    public record Spec(String applicantId, String measureCode, boolean offer, Instant createdAt, Instant submittedAt,
            LocalDate due, Long amount, String unit, String benefitKind, List<Step> steps) {
    }

    /** A move to {@code to} at {@code at}, by an officer or not. */
    public record Step(Instant at, String to, boolean byOfficer) {
        public static Step officer(Instant at, String to) {
            return new Step(at, to, true);
        }

        public static Step applicant(Instant at, String to) {
            return new Step(at, to, false);
        }
    }

    /** Stores them in one bulk insert; returns their ids in order. */
    public static List<String> insert(MongoTemplate mongo, Collection<Spec> specs) {
        List<ApplicationDocument> documents = specs.stream().map(StoredApplications::document).toList();
        mongo.insert(documents, ApplicationDocument.class);
        return documents.stream().map(ApplicationDocument::id).toList();
    }

    private static ApplicationDocument document(Spec spec) {
        ApplicationKind kind = spec.offer() ? ApplicationKind.OFFER : ApplicationKind.APPLICATION;
        ApplicationStatus status = spec.offer() ? ApplicationStatus.OFFERED : ApplicationStatus.SUBMITTED;
        List<Transition> transitions = new ArrayList<>();
        transitions.add(new Transition(spec.createdAt(), spec.offer() ? Actor.SYSTEM : Actor.APPLICANT,
                spec.applicantId(), null, null, status, spec.offer() ? "AUTO_GRANT_ELIGIBLE" : "SUBMITTED", null));
        for (Step step : spec.steps()) {
            ApplicationStatus to = ApplicationStatus.valueOf(step.to());
            transitions.add(new Transition(step.at(), step.byOfficer() ? Actor.OFFICER : Actor.APPLICANT,
                    step.byOfficer() ? "officer-1" : spec.applicantId(), step.byOfficer() ? "hr1" : null, status, to,
                    null, null));
            status = to;
        }
        MatchResult eligibility = new MatchResult(spec.measureCode(), 1, Outcome.ELIGIBLE, spec.amount(), spec.unit(),
                spec.benefitKind(), false, List.of(), List.of(), List.of(), null);
        return new ApplicationDocument(UUID.randomUUID().toString(), transitions.size(), spec.applicantId(), kind,
                spec.measureCode(), 1, LocalizedText.of("政策" + spec.measureCode(), "Measure " + spec.measureCode()),
                status, status.isOpen() ? ApplicationDocument.openKey(spec.applicantId(), spec.measureCode()) : null,
                spec.createdAt(), spec.submittedAt(), spec.due(), 5, 1, eligibility, null, transitions, null, List.of(),
                null);
    }
}
