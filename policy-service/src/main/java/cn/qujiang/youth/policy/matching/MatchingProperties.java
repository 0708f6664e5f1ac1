package cn.qujiang.youth.policy.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many applicants go into one page (one bulk write) when everyone is re-matched. The schedules are read by
 * {@link RematchScheduler}: {@code qujiang.policy.matching.sweep-cron} (in {@code qujiang.policy.zone}) and
 * {@code qujiang.policy.matching.catch-up-interval}.
 */
@ConfigurationProperties("qujiang.policy.matching")
record MatchingProperties(Integer batchSize) {

    MatchingProperties {
        batchSize = batchSize == null ? 500 : batchSize;
    }
}
