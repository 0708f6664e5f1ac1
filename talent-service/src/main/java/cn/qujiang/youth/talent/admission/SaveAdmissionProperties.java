package cn.qujiang.youth.talent.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When profile saves are refused because the matching is behind ({@link MatchingBacklog}): {@code targetDelay} is
 * how long a save may wait for its results before saves start being refused (zero: never refused), {@code window}
 * how long the delays are watched before they are believed, {@code minResults} how many saves' results a window
 * needs to say anything (a few late ones, after a service was down for a while, are not a burst).
 */
@ConfigurationProperties("qujiang.save-admission")
record SaveAdmissionProperties(Duration targetDelay, Duration window, Integer minResults) {
    SaveAdmissionProperties {
        targetDelay = targetDelay == null ? Duration.ofSeconds(5) : targetDelay;
        window = window == null ? Duration.ofSeconds(2) : window;
        minResults = minResults == null ? 20 : minResults;
        if (targetDelay.isNegative() || window.isNegative() || window.isZero() || minResults < 1) {
            throw new IllegalArgumentException(
                    "qujiang.save-admission: target-delay ≥ 0, window > 0 and min-results ≥ 1");
        }
    }
}
