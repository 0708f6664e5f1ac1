package cn.qujiang.youth.talent;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock everything reads (tests may replace it) and the scheduler of the recovery sweeps. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TalentConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ServiceZone.ZONE);
    }
}
