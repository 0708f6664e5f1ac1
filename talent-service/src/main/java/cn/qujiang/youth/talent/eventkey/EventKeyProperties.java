package cn.qujiang.youth.talent.eventkey;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many applicants' event keys talent-service keeps opened in memory for sealing and opening its own events. */
@ConfigurationProperties("qujiang.event-keys")
record EventKeyProperties(Integer cacheSize) {
    EventKeyProperties {
        cacheSize = cacheSize == null ? 10_000 : cacheSize;
    }
}
