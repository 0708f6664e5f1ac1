package cn.qujiang.youth.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A full service answers at once, politely and in the caller's language, instead of letting callers time out. */
class ConcurrencyLimitFilterTest {

    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(100), problems());

    @Test
    void beyondItsPlacesAServiceSays503WithRetryAfterAndTheNextCallerGetsIn() throws Exception {
        CompletableFuture<MockHttpServletResponse> slow = CompletableFuture.supplyAsync(() -> call("/api/talent/me/profile", true));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = call("/api/talent/me/profile", false);
        MockHttpServletResponse health = call("/actuator/health", false);
        release.countDown();

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"OVERLOADED\"", "服务当前繁忙，请 1 秒后再试。");
        assertThat(health.getStatus()).as("health is never refused").isEqualTo(200);
        assertThat(slow.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(call("/api/talent/me/profile", false).getStatus()).as("the place is free again").isEqualTo(200);
    }

    @Test
    void aCallerNamingNoLanguageIsAnsweredInChineseAndOneAskingForEnglishInEnglish() throws Exception {
        ConcurrencyLimitFilter full = new ConcurrencyLimitFilter(0, Duration.ZERO, problems());
        MockHttpServletRequest silent = new MockHttpServletRequest("GET", "/api/policy/measures");
        MockHttpServletRequest english = new MockHttpServletRequest("GET", "/api/policy/measures");
        english.addHeader("Accept-Language", "en");
        english.addPreferredLocale(Locale.ENGLISH);
        MockHttpServletResponse toSilent = new MockHttpServletResponse();
        MockHttpServletResponse toEnglish = new MockHttpServletResponse();

        full.doFilter(silent, toSilent, new MockFilterChain());
        full.doFilter(english, toEnglish, new MockFilterChain());

        assertThat(toSilent.getContentAsString()).contains("服务当前繁忙");
        assertThat(toEnglish.getContentAsString()).contains("The service is busy right now");
    }

    /**
     * Uploads have their own places: one upload in flight fills the uploads' budget, the next upload is refused,
     * and a profile read, or the list of documents on the upload route itself, still gets the general place.
     */
    @Test
    void uploadsWaitForTheirOwnPlacesAndLeaveTheOthersFree() throws Exception {
        ConcurrencyLimitFilter budgeted = new ConcurrencyLimitFilter(1, Duration.ofMillis(100),
                new ConcurrencyLimitFilter.UploadBudget(new UploadPaths(List.of("/api/talent/me/documents")), 1,
                        Duration.ofMillis(100)), problems());
        CompletableFuture<MockHttpServletResponse> upload = CompletableFuture.supplyAsync(
                () -> call(budgeted, "POST", "/api/talent/me/documents", "multipart/form-data; boundary=x", true));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse secondUpload = call(budgeted, "POST", "/api/talent/me/documents",
                "multipart/form-data; boundary=y", false);
        MockHttpServletResponse profile = call(budgeted, "GET", "/api/talent/me/profile", null, false);
        MockHttpServletResponse list = call(budgeted, "GET", "/api/talent/me/documents", null, false);
        release.countDown();

        assertThat(secondUpload.getStatus()).isEqualTo(503);
        assertThat(secondUpload.getHeader("Retry-After")).isEqualTo("1");
        assertThat(secondUpload.getContentAsString()).contains("\"code\":\"OVERLOADED\"");
        assertThat(profile.getStatus()).isEqualTo(200);
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(upload.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse call(String path, boolean holdThePlace) {
        return call(filter, "GET", path, null, holdThePlace);
    }

    private MockHttpServletResponse call(ConcurrencyLimitFilter filter, String method, String path, String type,
            boolean holdThePlace) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        request.setContentType(type);
        request.addPreferredLocale(Locale.SIMPLIFIED_CHINESE);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
                @Override
                protected void service(HttpServletRequest req, HttpServletResponse res) {
                    if (holdThePlace) {
                        inside.countDown();
                        try {
                            release.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    res.setStatus(200);
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static Problems problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("kit-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Problems(messages);
    }
}
