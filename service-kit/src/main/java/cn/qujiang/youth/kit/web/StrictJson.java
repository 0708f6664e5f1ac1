package cn.qujiang.youth.kit.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * One JSON policy for every request body the services read: a value is taken only as what it says it is, or the
 * request is refused with a field error and nothing is stored. Lenient reading stored wrong data: an HR decision sent
 * as {@code 1} became REJECTED, {@code 2.9} became 2, {@code ""} silently erased a date, the last of two equal keys
 * won, a date-time passed as a date, and control, bidi-override and lone-surrogate characters reached free texts.
 *
 * <p>Applies to the Spring-managed {@link JsonMapper} (request and response bodies); events are read by
 * {@code EventJson}, which stays tolerant of fields added later.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // "" is no value of a number, date, enum, boolean or object; for a text it is itself.
                .withCoercionConfigDefaults(config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-text").addDeserializer(String.class, new SafeTextDeserializer()));
        for (Class<?> type : new Class<?>[] {LocalDate.class, LocalDateTime.class, OffsetDateTime.class, Instant.class}) {
            // ISO text in exactly the type's form: no date-time for a date, no epoch numbers or arrays.
            builder.withConfigOverride(type, override -> override.setFormat(JsonFormat.Value.forLeniency(false)));
        }
    }

    /**
     * A text given as a JSON string (not a number or boolean standing in for one), without control characters (line
     * breaks and tabs aside), bidi overrides or lone surrogates.
     */
    static final class SafeTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = super.deserialize(parser, context);
            if (text != null && !SafeText.isSafe(text)) {
                throw new UnsafeTextException(parser);
            }
            return text;
        }
    }

    /** A text refused by {@link SafeText}; the message never carries the text. */
    public static final class UnsafeTextException extends InvalidFormatException {
        UnsafeTextException(JsonParser parser) {
            super(parser, "text with control, bidi-override or unpaired surrogate characters", null, String.class);
        }
    }
}
