package cn.qujiang.youth.notification.news;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long "you now qualify for …" news is gathered before one message tells it.
 *
 * @param quiet        the message leaves once no news has come for this long (a resident saving the profile step by
 *                     step gets one message at the end, not one per step)
 * @param longest      nor is it held longer than this after the first news, however often more arrives
 * @param pollInterval how often the sender looks for news whose time has come
 */
@ConfigurationProperties("qujiang.news")
public record NewsProperties(Duration quiet, Duration longest, Duration pollInterval) {
    public NewsProperties {
        quiet = quiet == null ? Duration.ofSeconds(30) : quiet;
        longest = longest == null ? Duration.ofMinutes(3) : longest;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    }
}
