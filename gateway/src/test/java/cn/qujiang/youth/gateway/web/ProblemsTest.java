package cn.qujiang.youth.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {
    private final Problems problems = new Problems(messages(), JsonMapper.builder().build());

    @Test
    void speaksChineseByDefaultAndEnglishWhenAsked() {
        assertThat(detail(null)).isEqualTo("请求过于频繁，请 7 秒后再试。");
        assertThat(detail("fr-FR, de;q=0.8")).isEqualTo("请求过于频繁，请 7 秒后再试。");
        assertThat(detail("en-US,en;q=0.9,zh;q=0.5")).isEqualTo("Too many requests; try again in 7 seconds.");
        assertThat(detail("fr;q=0.9, en;q=0.5")).isEqualTo("Too many requests; try again in 7 seconds.");
        assertThat(detail("zh-CN,en;q=0.5")).isEqualTo("请求过于频繁，请 7 秒后再试。");
        assertThat(detail("@@@;q=x")).isEqualTo("请求过于频繁，请 7 秒后再试。");
    }

    @Test
    void carriesAStableCodeTheStatusAndWhereItHappened() {
        Map<String, Object> body = problems.body(exchange("en"), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", 7);
        assertThat(body).containsEntry("code", "RATE_LIMITED").containsEntry("status", 429)
                .containsEntry("type", "/problems/rate-limited").containsEntry("title", "Too many requests")
                .containsEntry("instance", "/api/policy/evaluate");
    }

    private String detail(String acceptLanguage) {
        return (String) problems.body(exchange(acceptLanguage), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", 7)
                .get("detail");
    }

    private static MockServerWebExchange exchange(String acceptLanguage) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/policy/evaluate");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return MockServerWebExchange.from(request);
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ROOT);
        return messages;
    }
}
