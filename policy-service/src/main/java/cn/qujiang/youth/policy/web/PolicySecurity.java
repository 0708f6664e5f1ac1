package cn.qujiang.youth.policy.web;

import cn.qujiang.youth.kit.security.Roles;
import cn.qujiang.youth.kit.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what. The HR rule comes before the public catalogue rule because both match its path. */
@Configuration(proxyBeanMethods = false)
class PolicySecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity security) throws Exception {
        return security.build(http, routes -> routes
                .requestMatchers(HttpMethod.GET, "/api/policy/measures/*/eligible").hasRole(Roles.HR_OFFICER)
                .requestMatchers(HttpMethod.GET, "/api/policy/measures", "/api/policy/measures/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/policy/vocabulary").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/api/policy/vocabulary").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/policy/evaluate").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/policy/me/**").hasRole(Roles.APPLICANT)
                .requestMatchers("/api/policy/admin/**").hasRole(Roles.POLICY_ADMIN));
    }
}
