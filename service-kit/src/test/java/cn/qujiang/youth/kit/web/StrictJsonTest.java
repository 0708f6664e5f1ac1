package cn.qujiang.youth.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** What each service now refuses in a request body, and what the client is told: one field error, in Chinese. */
class StrictJsonTest {

    enum Decision { APPROVE, REJECT }

    record Address(String city) {
    }

    record Body(Decision decision, Integer days, LocalDate on, String comment, Address address, List<String> tags) {
    }

    private static final JsonMapper JSON = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"decision\": 1}                                 | decision",
            "{\"days\": 2.9}                                   | days",
            "{\"days\": \"3\"}                                 | days",
            "{\"on\": \"\"}                                    | on",
            "{\"on\": \"2025-06-30T00:00:00\"}                 | on",
            "{\"on\": 20000}                                   | on",
            "{\"address\": {\"city\": \"衢州\", \"zip\": 1}}    | address.zip",
            "{\"comment\": \"响\\u0007铃\"}                    | comment",
            "{\"comment\": \"\\u202Egnp.exe\"}                 | comment",
            "{\"tags\": [\"ok\", \"\\ud800 alone\"]}           | tags[1]",
            "{\"comment\": 5}                                 | comment",
            "{\"address\": {\"city\": true}}                 | address.city",
            "{\"tags\": [\"ok\", 7]}                         | tags[1]",
    })
    void aValueThatIsNotWhatItSaysIsAFieldError(String json, String field) {
        assertThatThrownBy(() -> JSON.readValue(json, Body.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(problem(e).getProperties()).containsEntry("errors",
                        List.of(Map.of("field", field, "message", messageFor((JacksonException) e)))));
    }

    @Test
    void aFieldNamedTwiceIsAFieldErrorNotTheLastOneWinning() {
        assertThatThrownBy(() -> JSON.readValue("{\"address\": {\"city\": \"衢州\", \"city\": \"杭州\"}}", Body.class))
                .satisfies(e -> assertThat(problem(e).getProperties()).containsEntry("errors",
                        List.of(Map.of("field", "address.city", "message", "该字段重复出现。"))));
    }

    @Test
    void plainTextLineBreaksAndEmojiStayAsTheyAre() throws Exception {
        Body body = JSON.readValue("""
                {"decision": "REJECT", "days": 3, "on": "2026-11-29", "comment": "第一行\\n第二行\\t😀", "tags": []}
                """, Body.class);

        assertThat(body).isEqualTo(new Body(Decision.REJECT, 3, LocalDate.of(2026, 11, 29), "第一行\n第二行\t😀", null,
                List.of()));
    }

    @Test
    void safeTextKnowsPairsFromLoneSurrogates() {
        assertThat(SafeText.isSafe("😀")).isTrue();
        assertThat(SafeText.isSafe("\uDE00😀")).isFalse();
        assertThat(SafeText.isSafe("a\u0085b")).as("C1 next line").isFalse();
        assertThat(SafeText.isSafe("a\u2067b")).as("right-to-left isolate").isFalse();
    }

    private static String messageFor(JacksonException e) {
        return e instanceof StrictJson.UnsafeTextException ? "该文本包含控制字符、文字方向控制符或无效字符。"
                : e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException ? "客户端不能设置此字段。"
                : "该值类型不正确。";
    }

    /** The problem the services answer for this body (zh, the default language). */
    private static ProblemDetail problem(Throwable cause) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("kit-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        ProblemDetailsAdvice advice = new ProblemDetailsAdvice(new Problems(messages));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.SIMPLIFIED_CHINESE);
        // The advice words problems in the locale Spring resolved for the request (LocaleContextHolder), as the
        // DispatcherServlet sets it; without this the test would read whatever another test left on the thread.
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            var response = advice.handleHttpMessageNotReadable(new HttpMessageNotReadableException("unreadable",
                    cause, new MockHttpInputMessage(new byte[0])), new HttpHeaders(), HttpStatus.BAD_REQUEST,
                    new ServletWebRequest(request));
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            return (ProblemDetail) response.getBody();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
