package cn.qujiang.youth.stack;

import java.time.Duration;

/** The table printed once everything is healthy: where each part listens, and the dev accounts. */
final class StackTable {
    private StackTable() {
    }

    static String render(LocalStack stack, Duration took) {
        StackConfig c = stack.config();
        return """

                青年衢江 local stack is up (%d s). Ctrl-C stops everything.

                  part                  URL
                  mobile app            %s   (residents; sign in as applicant1)
                  officers' console     %s   (HR officers; sign in as hr1)
                  gateway (public API)  http://127.0.0.1:%d   Swagger UI: /swagger-ui.html
                  talent-service        http://127.0.0.1:%d
                  policy-service        http://127.0.0.1:%d
                  notification-service  http://127.0.0.1:%d
                  Keycloak              %s   (realm qujiang)
                  Kafka                 %s
                  MongoDB-wire server   mongodb://127.0.0.1:%d   data: %s
                  SMTP (GreenMail)      127.0.0.1:%d
                  SMS sink              http://127.0.0.1:%d/   (what was "sent")
                  logs                  %s

                  dev accounts (local use only; client youth-e2e allows the password grant)
                  applicant1 / Applicant1pass   applicant2 / Applicant2pass      role applicant
                  hr1 / Hrofficer1pass          hr2 / Hrofficer2pass             role hr-officer
                  admin1 / Policyadmin1pass     admin2 / Policyadmin2pass        role policy-admin
                """.formatted(took.toSeconds(), stack.mobileAppUrl(), stack.consoleUrl(), c.gatewayPort(), c.talentPort(), c.policyPort(), c.notificationPort(),
                stack.keycloak().baseUrl(), stack.kafka().bootstrapServers(), c.mongoPort(), c.dataDir(), c.smtpPort(),
                c.smsPort(), c.dataDir().resolve("logs"));
    }
}
