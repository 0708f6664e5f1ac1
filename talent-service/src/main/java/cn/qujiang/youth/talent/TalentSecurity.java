package cn.qujiang.youth.talent;

import cn.qujiang.youth.kit.security.Roles;
import cn.qujiang.youth.kit.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Applicants reach only {@code /api/talent/me/**} (always their own data), HR officers the review
 * API, HR and policy officers the statistics (counts only), notification-service's service account the internal
 * contact lookup and policy-service's the applicants' event keys (neither routed by the gateway).
 */
@Configuration(proxyBeanMethods = false)
class TalentSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
        return security.build(http, routes -> routes
                .requestMatchers("/api/talent/me/**").hasRole(Roles.APPLICANT)
                .requestMatchers("/api/talent/review/**").hasRole(Roles.HR_OFFICER)
                .requestMatchers("/api/talent/statistics/**").hasAnyRole(Roles.HR_OFFICER, Roles.POLICY_ADMIN)
                .requestMatchers("/internal/contacts/**").hasRole(Roles.CONTACT_READER)
                .requestMatchers("/internal/event-keys/**").hasRole(Roles.EVENT_KEY_READER));
    }
}
