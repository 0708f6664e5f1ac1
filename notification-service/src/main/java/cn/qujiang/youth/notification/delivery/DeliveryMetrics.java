package cn.qujiang.youth.notification.delivery;

import cn.qujiang.youth.notification.message.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code notification.deliveries.failed} is what operations alert on; sent and dropped give it a baseline. */
@Component
class DeliveryMetrics {
    static final String FAILED = "notification.deliveries.failed";
    static final String SENT = "notification.deliveries.sent";
    static final String DROPPED = "notification.deliveries.dropped";

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void failed(Channel channel) {
        counter(FAILED, channel).increment();
    }

    void sent(Channel channel) {
        counter(SENT, channel).increment();
    }

    void dropped(Channel channel) {
        counter(DROPPED, channel).increment();
    }

    private Counter counter(String name, Channel channel) {
        return Counter.builder(name).tag("channel", channel.name()).register(registry);
    }
}
