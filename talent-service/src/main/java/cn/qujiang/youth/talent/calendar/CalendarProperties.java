package cn.qujiang.youth.talent.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the holiday file lives (any Spring resource: classpath:, file:) and the response time of a measure that
 * does not state one, in working days (the district's catch-all window promises 1, 3, 5 or 15).
 */
@ConfigurationProperties("qujiang.calendar")
public record CalendarProperties(Resource location, Integer defaultResponseWorkingDays) {
    public CalendarProperties {
        defaultResponseWorkingDays = defaultResponseWorkingDays == null ? 5 : defaultResponseWorkingDays;
    }
}
