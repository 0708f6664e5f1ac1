package cn.qujiang.youth.notification.channel.sms;

import cn.qujiang.youth.kit.http.OutboundHttp;
import cn.qujiang.youth.notification.delivery.DeliveryFailure;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The provider-neutral HTTP adapter: one JSON POST per text. A 4xx answer means the provider will never accept
 * this request (bad number, unknown template, blocked), so it is not retried; 408 and 429 are the provider asking
 * us to come back later, like 5xx answers and timeouts, which are retried.
 */
@Component
class SmsProvider {
    private final RestClient client;

    SmsProvider(SmsProperties properties) {
        this.client = RestClient.builder()
                .requestFactory(OutboundHttp.requestFactory(properties.connectTimeout(), properties.readTimeout()))
                .baseUrl(properties.url())
                .defaultHeaders(headers -> headers.setBearerAuth(properties.apiKey()))
                .build();
    }

    /**
     * @param idempotencyKey the same for every attempt of one delivery, so a provider that honours it drops a
     *                       repeat after a lost answer
     * @param maskedNumber   for the failure record only
     */
    void send(SmsRequest request, String idempotencyKey, String maskedNumber) {
        try {
            client.post()
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .exchange((ignored, response) -> {
                        int status = response.getStatusCode().value();
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return null;
                        }
                        boolean comeBackLater = status == HttpStatus.REQUEST_TIMEOUT.value()
                                || status == HttpStatus.TOO_MANY_REQUESTS.value();
                        if (response.getStatusCode().is4xxClientError() && !comeBackLater) {
                            throw DeliveryFailure.permanent("SMS_REJECTED_" + status, maskedNumber, null);
                        }
                        throw DeliveryFailure.retryable("SMS_PROVIDER_" + status, maskedNumber, null);
                    });
        } catch (ResourceAccessException e) {
            throw DeliveryFailure.retryable("SMS_PROVIDER_UNREACHABLE", maskedNumber, e);
        }
    }

    /** The body every provider adapter receives; {@code content} is the full text, signature included. */
    record SmsRequest(String phoneNumber, String signName, String templateId, Map<String, String> templateParams,
            String content) {
    }
}
