package cn.qujiang.youth.notification;

import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The producers' golden samples from contracts, read as a consumer reads them. */
public final class GoldenEvents {
    private GoldenEvents() {
    }

    public static <T> T read(EventType type, Class<T> payload) {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
            if (in == null) {
                throw new IllegalStateException("missing " + type.goldenResource());
            }
            return EventJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
