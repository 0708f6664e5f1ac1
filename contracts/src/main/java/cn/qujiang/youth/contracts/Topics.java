package cn.qujiang.youth.contracts;

/** Kafka topic names: {@code <owner>.<aggregate>.v1}; dead letters go to {@code <topic>-dlt}. */
public final class Topics {
    public static final String TALENT_APPLICANT = "talent.applicant.v1";
    public static final String TALENT_APPLICATION = "talent.application.v1";
    /** Compacted: the latest version of every measure, keyed by measure code. */
    public static final String POLICY_CATALOGUE = "policy.catalogue.v1";
    public static final String POLICY_MATCH = "policy.match.v1";

    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
