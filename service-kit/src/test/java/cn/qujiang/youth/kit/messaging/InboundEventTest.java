package cn.qujiang.youth.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.ApplicantErased;
import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class InboundEventTest {
    private static final Set<EventType> ERASURES = EnumSet.of(EventType.APPLICANT_ERASED);

    @Test
    void aListenerWaitingForOneTypeSkipsTheOthersOfItsTopicWithoutReadingThem() {
        ConsumerRecord<String, String> unreadable = record(EventType.APPLICANT_PROFILE_CHANGED, "{not json");

        assertThat(InboundEvent.from(unreadable, ERASURES)).isEmpty();
        // read as before by a listener of every type: an unreadable event is one for the dead-letter topic
        assertThatThrownBy(() -> InboundEvent.from(unreadable))
                .isInstanceOf(InboundEvent.InvalidEventException.class);
    }

    @Test
    void theTypeWaitedForIsReadAsEver() throws IOException {
        ConsumerRecord<String, String> erased = record(EventType.APPLICANT_ERASED, golden(EventType.APPLICANT_ERASED));

        assertThat(InboundEvent.from(erased, ERASURES)).get()
                .satisfies(event -> assertThat(event.payload()).isInstanceOf(ApplicantErased.class));
    }

    private static ConsumerRecord<String, String> record(EventType type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.TALENT_APPLICANT, 0, 0, "a1", value);
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.typeId().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(CloudEventHeaders.ID, "e1".getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String golden(EventType type) throws IOException {
        try (InputStream in = InboundEventTest.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
