package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.contracts.ApplicantFacts;
import java.time.Instant;
import java.util.List;

/** A live profile with its personal data decrypted: what other features of the service work with. */
public record Profile(
        String applicantId,
        long version,
        PersonalData personal,
        String preferredLanguage,
        ApplicantFacts facts,
        ProfileDetails details,
        Consent consent,
        List<String> heldMeasures,
        Instant createdAt,
        Instant updatedAt) {
}
