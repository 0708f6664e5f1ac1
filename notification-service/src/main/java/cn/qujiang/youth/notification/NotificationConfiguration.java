package cn.qujiang.youth.notification;

import cn.qujiang.youth.kit.security.Roles;
import cn.qujiang.youth.kit.security.ServiceSecurity;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (talent-service's service account reads a resident's notification data for their export; the
 * gateway never routes {@code /internal/**}), and the one clock every time decision reads (tests replace it to stand at 23:00). */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
        return security.build(http, routes -> routes
                .requestMatchers("/api/notifications/admin/**").hasRole(Roles.HR_OFFICER)
                .requestMatchers("/api/notifications/me", "/api/notifications/me/**").hasRole(Roles.APPLICANT)
                .requestMatchers("/internal/applicants/*/notifications").hasRole(Roles.NOTIFICATION_READER));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
