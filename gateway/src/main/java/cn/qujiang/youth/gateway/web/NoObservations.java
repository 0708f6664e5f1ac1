package cn.qujiang.youth.gateway.web;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway observes nothing: no metrics backend and no tracer is configured, and the actuator exposes only
 * health and info, so every observation was CPU spent on numbers nobody could read. Switching Spring Security's off
 * by property ({@code management.observations.enable.spring.security=false}) was not enough: it still wrapped every
 * security filter in an observing decorator, which only a no-op registry leaves out. The no-op registry also ends the
 * server's and the proxy client's observation per request. Remove this bean together with adding a backend.
 */
@Configuration(proxyBeanMethods = false)
class NoObservations {

    @Bean
    ObservationRegistry observationRegistry() {
        return ObservationRegistry.NOOP;
    }
}
