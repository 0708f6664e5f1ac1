package cn.qujiang.youth.policy.matching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many applicants go into one bulk write when everyone is re-matched, and how often to look for applicants
 * evaluated against an older catalogue or day (another instance published, or a re-match was interrupted). The
 * daily sweep's time is {@code qujiang.policy.matching.sweep-cron}, in the district's zone {@code qujiang.policy.zone}.
 */
@ConfigurationProperties("qujiang.policy.matching")
record MatchingProperties(Integer batchSize, Duration catchUpInterval, String sweepCron) {

    MatchingProperties {
        batchSize = batchSize == null ? 500 : batchSize;
        catchUpInterval = catchUpInterval == null ? Duration.ofSeconds(30) : catchUpInterval;
        sweepCron = sweepCron == null ? "0 30 0 * * *" : sweepCron;
    }
}
