package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.kit.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Work on an application keeps its claim alive: every act of the claiming officer on it — a decision or an attempt
 * at one, an end, a document accepted or sent back, the full identity or a document opened — restarts the claim's
 * idle time, whichever feature serves the act, so a claim lapses only when its officer has left it alone for
 * {@code claim-idle}. Reading the application is no act (the console reads it again on every visit). Done before
 * the act: an act that moves the status clears the claim anyway, and one refused (409, 400) still counts as work.
 */
@Component
class ClaimActivity implements HandlerInterceptor, WebMvcConfigurer {
    private static final String APPLICATION = "/api/talent/review/applications/{id}/**";

    private final OfficerClaims claims;

    ClaimActivity(OfficerClaims claims) {
        this.claims = claims;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(APPLICATION);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (isAct(request) && authentication != null && authentication.isAuthenticated()
                && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
                && path.get("id") instanceof String id) {
            claims.active(id, Caller.of(authentication).id());
        }
        return true;
    }

    private static boolean isAct(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
            return true;
        }
        // opening one of the applicant's documents is recorded like the full identity: the officer is at work
        return request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                && pattern.endsWith("/content");
    }
}
