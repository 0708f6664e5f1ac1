package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.crypto.BlindIndex;
import cn.qujiang.youth.talent.crypto.FieldCipher;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.profile.ProfileSections.ConsentGiven;
import cn.qujiang.youth.talent.profile.validation.ResidentIdNumber;
import cn.qujiang.youth.talent.profile.validation.UnifiedSocialCreditCode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Applicant profiles: validation beyond Bean Validation, consent, encryption of personal data, the blind index
 * that keeps one profile per ID number, and the ApplicantProfileChanged event written with every version.
 */
@Service
public class ProfileService {
    private static final Logger log = LoggerFactory.getLogger(ProfileService.class);
    private static final int SYNC_ATTEMPTS = 5;

    private final ProfileStore store;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final OutboxRelay relay;
    private final PrivacyProperties privacy;
    private final Clock clock;
    private final EventKeys eventKeys;

    ProfileService(ProfileStore store, FieldCipher cipher, BlindIndex blindIndex, OutboxRelay relay,
            PrivacyProperties privacy, Clock clock, EventKeys eventKeys) {
        this.store = store;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.relay = relay;
        this.privacy = privacy;
        this.clock = clock;
        this.eventKeys = eventKeys;
    }

    public record Saved(Profile profile, boolean created) {
    }

    /**
     * Saves the whole profile as the next version. {@code expectedVersion} is what the applicant read (null for a
     * first save); a profile changed in the meantime is a 409, as is an ID number that another profile holds —
     * reported with the same generic code as any other conflict, so nobody learns whose number is registered.
     */
    Saved save(String applicantId, ProfileRequest request, Long expectedVersion) {
        Instant now = ServiceZone.now(clock);
        LocalDate today = ServiceZone.today(clock);
        Optional<ProfileStore.SaveState> stored = store.saveState(applicantId);
        ProfileStore.SaveState live = stored.filter(state -> !state.erased()).orElse(null);
        checkVersion(live, expectedVersion);
        Consent consent = consent(request.consent(), live, now);
        ResidentIdNumber id = ResidentIdNumber.parse(request.idNumber(), today);
        ApplicantFacts facts = facts(request, id);
        long version = stored.map(ProfileStore.SaveState::version).orElse(0L) + 1;
        List<String> held = live == null ? List.of() : live.heldMeasures();
        PersonalData personal = personal(request, id);
        ProfileDocument next = new ProfileDocument(applicantId, version, blindIndex.of(id.value()),
                seal(applicantId, personal),
                request.preferredLanguage() == null ? "zh" : request.preferredLanguage(), facts, details(request),
                consent, held, live == null ? now : live.createdAt(), now, null, List.of());
        OutboxEntry event = OutboxEntry.of(ApplicantProfileChanged.sealing(applicantId, version, now, facts, held,
                eventKeys.forApplicant(applicantId)),
                applicantId, now);
        try {
            if (stored.isEmpty()) {
                store.insert(withOutbox(next, event));
            } else {
                store.update(next, stored.get().version(), event);
            }
        } catch (DuplicateKeyException e) {
            if (stored.isEmpty() && store.exists(applicantId)) {
                throw new OptimisticLockingFailureException("profile created concurrently", e);
            }
            log.info("profile save of applicant {} refused: conflicts with another profile", applicantId);
            throw ApiException.conflict("PROFILE_CONFLICT");
        }
        relay.wake(ProfileDocument.COLLECTION, applicantId);
        // answered from what was just sealed, not by opening it again
        return new Saved(profile(next, personal), live == null);
    }

    public Optional<Profile> find(String applicantId) {
        return store.find(applicantId).filter(document -> !document.erased()).map(this::open);
    }

    public Map<String, Profile> findAll(Collection<String> applicantIds) {
        return store.findLive(applicantIds).stream().map(this::open)
                .collect(Collectors.toMap(Profile::applicantId, Function.identity()));
    }

    /** The live profile's version, without opening its personal data; empty when there is none (or it is erased). */
    public OptionalLong liveVersion(String applicantId) {
        return store.liveVersion(applicantId);
    }

    public boolean isLive(String applicantId) {
        return store.liveVersion(applicantId).isPresent();
    }

    public String currentNoticeVersion() {
        return privacy.noticeVersion();
    }

    /**
     * Makes the profile's held measures equal {@code heldMeasures} (the codes of approved applications), as a new
     * profile version whose ApplicantProfileChanged lets the matching re-evaluate exclusions. Idempotent: when the
     * profile already holds exactly these codes nothing is written, so a recovery sweep may call it any number of
     * times. Retries when the applicant saves at the same moment.
     */
    public void syncHeldMeasures(String applicantId, List<String> heldMeasures) {
        List<String> wanted = heldMeasures.stream().distinct().sorted().toList();
        for (int attempt = 1; ; attempt++) {
            Optional<ProfileDocument> live = store.find(applicantId).filter(document -> !document.erased());
            if (live.isEmpty() || live.get().heldMeasures().stream().sorted().toList().equals(wanted)) {
                return;
            }
            ProfileDocument profile = live.get();
            Instant now = ServiceZone.now(clock);
            long version = profile.version() + 1;
            OutboxEntry event = OutboxEntry.of(ApplicantProfileChanged.sealing(applicantId, version, now,
                    profile.facts(), wanted, eventKeys.forApplicant(applicantId)), applicantId, now);
            try {
                store.updateHeldMeasures(applicantId, profile.version(), wanted, now, event);
                relay.wake(ProfileDocument.COLLECTION, applicantId);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == SYNC_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Replaces the profile by a tombstone carrying ApplicantErased; false when there was no live profile. */
    public boolean eraseToTombstone(String applicantId) {
        Instant now = ServiceZone.now(clock);
        boolean erased = store.tombstone(applicantId, now,
                OutboxEntry.of(new ApplicantErased(applicantId, now), applicantId, now));
        if (erased) {
            relay.wake(ProfileDocument.COLLECTION, applicantId);
        }
        return erased;
    }

    /** Applicants whose profile is a tombstone, with the moment of erasure. */
    public Map<String, Instant> tombstones() {
        return store.tombstones().stream()
                .collect(Collectors.toMap(ProfileDocument::id, ProfileDocument::erasedAt));
    }

    /** Removes the tombstone once its ApplicantErased event has been published. */
    public boolean deleteRelayedTombstone(String applicantId) {
        return store.deleteRelayedTombstone(applicantId);
    }

    private static void checkVersion(ProfileStore.SaveState live, Long expectedVersion) {
        if (live != null && expectedVersion == null) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "VERSION_REQUIRED");
        }
        if (live == null ? expectedVersion != null : live.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("profile is not at version " + expectedVersion);
        }
    }

    private Consent consent(ConsentGiven given, ProfileStore.SaveState live, Instant now) {
        String current = privacy.noticeVersion();
        if (given != null) {
            if (!given.accepted() || !current.equals(given.noticeVersion())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "CONSENT_REQUIRED", current);
            }
            boolean unchanged = live != null && live.consent() != null && current.equals(live.consent().noticeVersion());
            return unchanged ? live.consent() : new Consent(current, now);
        }
        if (live != null && live.consent() != null && current.equals(live.consent().noticeVersion())) {
            return live.consent();
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "CONSENT_REQUIRED", current);
    }

    private static PersonalData personal(ProfileRequest request, ResidentIdNumber id) {
        return new PersonalData(request.name().strip(), id.value(), request.phone().strip(),
                request.email() == null || request.email().isBlank() ? null : request.email().strip());
    }

    private static ProfileDetails details(ProfileRequest request) {
        var education = request.education();
        var employment = request.employment();
        return new ProfileDetails(
                education == null ? null : education.school(),
                employment == null ? null : employment.employer(),
                employment == null ? null : UnifiedSocialCreditCode.normalise(employment.employerCreditCode()));
    }

    static ApplicantFacts facts(ProfileRequest r, ResidentIdNumber id) {
        var education = r.education();
        var residence = r.residence();
        var employment = r.employment();
        var startup = r.startup();
        var housing = r.housing();
        var family = r.family();
        return new ApplicantFacts(id.birthDate(), id.gender(),
                get(education, ProfileSections.Education::degree),
                get(education, ProfileSections.Education::graduationDate),
                education == null || education.otherDegrees() == null ? null
                        : education.otherDegrees().stream().map(ProfileSections.OtherDegree::graduation).toList(),
                get(education, ProfileSections.Education::topUniversity),
                r.hukou(),
                get(residence, ProfileSections.Residence::residesInQujiang),
                get(residence, ProfileSections.Residence::firstTimeInQujiang),
                get(employment, ProfileSections.Employment::status),
                get(employment, ProfileSections.Employment::employerInQujiang),
                get(employment, ProfileSections.Employment::industry),
                get(employment, ProfileSections.Employment::socialInsuranceInQujiangSince),
                get(employment, ProfileSections.Employment::socialInsuranceGapMonths),
                get(employment, ProfileSections.Employment::laborContractStart),
                get(employment, ProfileSections.Employment::laborContractEnd),
                get(startup, ProfileSections.Startup::registeredInQujiang),
                get(startup, ProfileSections.Startup::since),
                get(startup, ProfileSections.Startup::sector),
                get(housing, ProfileSections.Housing::ownsHomeInQujiang),
                get(housing, ProfileSections.Housing::rentingInQujiang),
                r.skillLevel(), r.talentTier(),
                get(family, ProfileSections.Family::married),
                get(family, ProfileSections.Family::childrenBirthDates),
                get(family, ProfileSections.Family::returnedToRuralQujiang));
    }

    private static <S, T> T get(S section, Function<S, T> field) {
        return section == null ? null : field.apply(section);
    }

    private Identity seal(String applicantId, PersonalData data) {
        return new Identity(cipher.seal(data.name(), context(applicantId, "name")),
                cipher.seal(data.idNumber(), context(applicantId, "idNumber")),
                cipher.seal(data.phone(), context(applicantId, "phone")),
                cipher.seal(data.email(), context(applicantId, "email")));
    }

    private Profile open(ProfileDocument document) {
        Identity identity = document.identity();
        String id = document.id();
        PersonalData personal = new PersonalData(cipher.open(identity.name(), context(id, "name")),
                cipher.open(identity.idNumber(), context(id, "idNumber")),
                cipher.open(identity.phone(), context(id, "phone")),
                cipher.open(identity.email(), context(id, "email")));
        return profile(document, personal);
    }

    private static Profile profile(ProfileDocument document, PersonalData personal) {
        return new Profile(document.id(), document.version(), personal, document.preferredLanguage(), document.facts(),
                document.details(), document.consent(), document.heldMeasures(), document.createdAt(),
                document.updatedAt());
    }

    private static String context(String applicantId, String field) {
        return "profile:" + applicantId + ":" + field;
    }

    private static ProfileDocument withOutbox(ProfileDocument d, OutboxEntry event) {
        return new ProfileDocument(d.id(), d.version(), d.idIndex(), d.identity(), d.preferredLanguage(), d.facts(),
                d.details(), d.consent(), d.heldMeasures(), d.createdAt(), d.updatedAt(), d.erasedAt(), List.of(event));
    }
}
