package cn.qujiang.youth.talent.eventkey;

import cn.qujiang.youth.talent.crypto.CryptoProperties;
import cn.qujiang.youth.talent.crypto.FieldCipher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Event keys stored as the service stores them, under a test data key, for tests of features that seal with them. */
public final class TestEventKeys {
    private static final String DATA_KEY = "dcHMUZMCzDY/t9yIGmBgfb3lOQOIO97tN77Ntyx490c=";
    private static final String INDEX_KEY = "QjOVfxp+B/4ui1jNaUorhxmiv43mqqAH3COe2KK/6y0=";

    private TestEventKeys() {
    }

    /** A fresh instance over {@code mongo}: nothing cached, as another instance of the service would be. */
    public static EventKeys in(MongoTemplate mongo) {
        return new EventKeys(mongo, new FieldCipher(new CryptoProperties(Map.of("t1", DATA_KEY), "t1", INDEX_KEY)),
                Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC), new EventKeyProperties(1000));
    }
}
