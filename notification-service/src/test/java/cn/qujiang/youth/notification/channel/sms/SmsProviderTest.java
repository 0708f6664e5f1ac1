package cn.qujiang.youth.notification.channel.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.notification.channel.sms.SmsProvider.SmsRequest;
import cn.qujiang.youth.notification.delivery.DeliveryFailure;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider-neutral adapter against a stand-in provider: what it sends and how it reads the answers. */
class SmsProviderTest {
    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final SmsRequest REQUEST = new SmsRequest("13812345678", "青年衢江", "QJ_SMS_APPLICATION_DECIDED",
            Map.of("measure", "青年驿站免费住宿", "decision", "APPROVED", "reason", "符合全部条件"),
            "【青年衢江】您申请的“青年驿站免费住宿”已审核通过，详见青年衢江App。");

    private SmsProvider sms;

    @BeforeEach
    void adapter() {
        sms = new SmsProvider(new SmsProperties(provider.baseUrl() + "/sms", "test-key", "青年衢江", 70, Map.of(),
                Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @Test
    void postsTheProviderNeutralJsonWithTheApiKey() {
        provider.stubFor(post("/sms").willReturn(aResponse().withStatus(200).withBody("{\"code\":\"OK\"}")));

        assertThatCode(() -> sms.send(REQUEST, "delivery-1", "138****5678")).doesNotThrowAnyException();

        provider.verify(1, postRequestedFor(urlEqualTo("/sms"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withHeader("Idempotency-Key", equalTo("delivery-1"))
                .withRequestBody(equalToJson("""
                        {"phoneNumber": "13812345678", "signName": "青年衢江", "templateId": "QJ_SMS_APPLICATION_DECIDED",
                         "templateParams": {"measure": "青年驿站免费住宿", "decision": "APPROVED", "reason": "符合全部条件"},
                         "content": "【青年衢江】您申请的“青年驿站免费住宿”已审核通过，详见青年衢江App。"}""")));
    }

    @Test
    void aClientErrorIsPermanent() {
        provider.stubFor(post("/sms").willReturn(aResponse().withStatus(400)));

        assertThatThrownBy(() -> sms.send(REQUEST, "delivery-2", "138****5678"))
                .isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
                    assertThat(failure.permanent()).isTrue();
                    assertThat(failure.code()).isEqualTo("SMS_REJECTED_400");
                    assertThat(failure.recipient()).isEqualTo("138****5678");
                });
    }

    @Test
    void serverErrorsThrottlingAndTimeoutsAreRetryable() {
        provider.stubFor(post("/sms").willReturn(aResponse().withStatus(503)));
        assertRetryable("SMS_PROVIDER_503");

        provider.stubFor(post("/sms").willReturn(aResponse().withStatus(429)));
        assertRetryable("SMS_PROVIDER_429");

        provider.stubFor(post("/sms").willReturn(aResponse().withStatus(200).withFixedDelay(8000)));
        assertRetryable("SMS_PROVIDER_UNREACHABLE");
    }

    private void assertRetryable(String code) {
        assertThatThrownBy(() -> sms.send(REQUEST, "delivery-3", "138****5678"))
                .isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.code()).isEqualTo(code);
                });
    }
}
