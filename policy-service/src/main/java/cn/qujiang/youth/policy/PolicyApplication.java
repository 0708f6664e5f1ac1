package cn.qujiang.youth.policy;

import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PolicyApplication {
    public static void main(String[] args) {
        SpringApplication.run(PolicyApplication.class, args);
    }

    /** The district's clock: "today" (ages, windows, the daily sweep) is the day in Qujiang, not on the server. */
    @Bean
    Clock clock(@Value("${qujiang.policy.zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** One engine for the whole service: it holds the CEL environment; compiled measures are cached per version. */
    @Bean
    EligibilityEngine eligibilityEngine() {
        return new EligibilityEngine();
    }
}
