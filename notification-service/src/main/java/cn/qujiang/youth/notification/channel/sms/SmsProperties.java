package cn.qujiang.youth.notification.channel.sms;

import cn.qujiang.youth.notification.message.MessageKind;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS provider behind the provider-neutral adapter.
 *
 * @param url         where requests are POSTed
 * @param apiKey      sent as a bearer token
 * @param signName    the registered signature, shown as 【青年衢江】 at the start of every text
 * @param maxLength   characters of one segment (70 for texts with Chinese characters, signature included)
 * @param templateIds the provider's registered template per message kind
 */
@ConfigurationProperties("qujiang.sms")
record SmsProperties(String url, String apiKey, String signName, Integer maxLength,
        Map<MessageKind, String> templateIds, Duration connectTimeout, Duration readTimeout) {
    SmsProperties {
        url = url == null ? "http://127.0.0.1:8090/sms" : url;
        signName = signName == null ? "青年衢江" : signName;
        maxLength = maxLength == null ? 70 : maxLength;
        templateIds = templateIds == null ? Map.of() : Map.copyOf(templateIds);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }

    String templateId(MessageKind kind) {
        return templateIds.getOrDefault(kind, kind.name());
    }
}
