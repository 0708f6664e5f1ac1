package cn.qujiang.youth.notification.channel.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The sender of notification e-mails (SMTP server settings are Boot's {@code spring.mail.*}). */
@ConfigurationProperties("qujiang.mail")
record EmailProperties(String from, String fromName) {
    EmailProperties {
        from = from == null ? "noreply@youth.qujiang.local" : from;
        fromName = fromName == null ? "青年衢江" : fromName;
    }
}
