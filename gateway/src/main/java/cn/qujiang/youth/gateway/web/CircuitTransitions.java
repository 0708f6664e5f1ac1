package cn.qujiang.youth.gateway.web;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One line when a service's circuit changes state — a WARN when it opens, INFO when it probes and closes again —
 * instead of one per request refused while it is open: the transition is what operations needs to see, each
 * refusal is the design working (answered 503 CIRCUIT_OPEN with Retry-After, and in the access log). Under
 * overload a WARN per refusal was one more cost per request at the worst moment.
 */
@Component
class CircuitTransitions {
    private static final Logger log = LoggerFactory.getLogger(CircuitTransitions.class);

    CircuitTransitions(CircuitBreakerRegistry circuitBreakers) {
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitTransitions::watch);
        circuitBreakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private static void watch(CircuitBreaker circuit) {
        circuit.getEventPublisher().onStateTransition(CircuitTransitions::log);
    }

    static void log(CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.StateTransition transition = event.getStateTransition();
        switch (transition.getToState()) {
            case OPEN, FORCED_OPEN -> log.warn("circuit {} opened ({} → {}): its calls are refused with 503 "
                    + "CIRCUIT_OPEN until it probes again", event.getCircuitBreakerName(), transition.getFromState(),
                    transition.getToState());
            default -> log.info("circuit {}: {} → {}", event.getCircuitBreakerName(), transition.getFromState(),
                    transition.getToState());
        }
    }
}
