package cn.qujiang.youth.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event of the suite: its logical CloudEvents type id, the topic it travels on and its record.
 * The type id, never a Java class name, is what goes on the wire; a breaking change is a new {@code .v2} type.
 */
public enum EventType {
    APPLICANT_PROFILE_CHANGED("cn.qujiang.youth.talent.ApplicantProfileChanged.v3", Topics.TALENT_APPLICANT, ApplicantProfileChanged.class),
    APPLICANT_ERASED("cn.qujiang.youth.talent.ApplicantErased.v1", Topics.TALENT_APPLICANT, ApplicantErased.class),
    APPLICATION_SUBMITTED("cn.qujiang.youth.talent.ApplicationSubmitted.v1", Topics.TALENT_APPLICATION, ApplicationSubmitted.class),
    APPLICATION_DECIDED("cn.qujiang.youth.talent.ApplicationDecided.v1", Topics.TALENT_APPLICATION, ApplicationDecided.class),
    BENEFIT_ENDED("cn.qujiang.youth.talent.BenefitEnded.v1", Topics.TALENT_APPLICATION, BenefitEnded.class),
    MEASURE_PUBLISHED("cn.qujiang.youth.policy.MeasurePublished.v1", Topics.POLICY_CATALOGUE, MeasurePublished.class),
    MATCHES_EVALUATED("cn.qujiang.youth.policy.MatchesEvaluated.v2", Topics.POLICY_MATCH, MatchesEvaluated.class);

    private final String typeId;
    private final String topic;
    private final Class<?> payloadType;

    EventType(String typeId, String topic, Class<?> payloadType) {
        this.typeId = typeId;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String typeId() {
        return typeId;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    /**
     * The throw-away key the golden samples' sealed parts are sealed with (bytes 0 to 31), so that a consumer's test
     * can open them. No applicant's key: talent-service generates those at random.
     */
    public static final EventKey GOLDEN_SAMPLE_KEY =
            new EventKey("golden-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    /** Name of the golden JSON sample on the classpath, e.g. {@code golden/ApplicantErased.v1.json}. */
    public String goldenResource() {
        return "golden/" + payloadType.getSimpleName() + typeId.substring(typeId.lastIndexOf('.')) + ".json";
    }

    public static Optional<EventType> byTypeId(String typeId) {
        return Arrays.stream(values()).filter(t -> t.typeId.equals(typeId)).findFirst();
    }

    public static EventType of(Object payload) {
        return Arrays.stream(values()).filter(t -> t.payloadType.isInstance(payload)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event record: " + payload.getClass().getSimpleName()));
    }
}
