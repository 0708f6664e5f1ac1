package cn.qujiang.youth.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of event payloads. Unknown properties are ignored so that additive changes never break an
 * older consumer.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(Object payload) {
        return MAPPER.writeValueAsString(payload);
    }

    /** The same JSON as {@link #write}, as UTF-8 bytes: for a store that keeps it as binary rather than text. */
    public static byte[] writeUtf8(Object payload) {
        return MAPPER.writeValueAsBytes(payload);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static <T> T readUtf8(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static Object read(String json, EventType type) {
        return MAPPER.readValue(json, type.payloadType());
    }
}
