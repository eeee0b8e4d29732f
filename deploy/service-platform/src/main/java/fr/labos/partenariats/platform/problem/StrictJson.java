package fr.labos.partenariats.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * JSON numbers, booleans and strings are read as what they are: {@code 8.5} is not the integer 8, {@code "8"} is not
 * a number, {@code 1} is not {@code true}, {@code 3} is not the fourth value of an enum, a key is given once, and no text
 * carries a NUL character. Jackson's defaults coerce them silently, which stored {@code [8.5]} as SDG 8.
 */
final class StrictJson implements Jackson2ObjectMapperBuilderCustomizer {

    /**
     * A text carrying a NUL character: a type of its own, for {@link JsonFieldErrors} to tell it from the other
     * invalid values of a text field (a number where a text is expected, which Jackson reports the same way).
     */
    static final class NulCharacter extends InvalidFormatException {

        NulCharacter(JsonParser parser, String value) {
            super(parser, "NUL character", value, String.class);
        }
    }

    /**
     * A text carrying half of a UTF-16 surrogate pair (JSON allows {@code "\\udc00"} alone): no character at all, which
     * UTF-8 cannot encode — written out it becomes "?", so that two different texts would read the same, in the
     * introductions' hashed history as anywhere else.
     */
    static final class LoneSurrogate extends InvalidFormatException {

        LoneSurrogate(JsonParser parser, String value) {
            super(parser, "lone surrogate", value, String.class);
        }
    }

    /**
     * Jackson's own string reading, then a refusal of a NUL character or a lone surrogate, named as an invalid value of
     * that field.
     */
    static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual; // the coercions refused above (a number for a text) still apply
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulCharacter(parser, value);
            }
            if (value != null && hasLoneSurrogate(value)) {
                throw new LoneSurrogate(parser, value);
            }
            return value;
        }

        private static boolean hasLoneSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++; // a pair: one character outside the basic plane (an emoji)
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * An instant only as written, a date and time with its offset ({@code "2027-12-31T10:00:00Z"},
     * {@code "2027-12-31T11:00:00+01:00"}): Jackson reads a number, and a text of digits alike, as seconds since 1970,
     * which no client of these services means ({@code 1700000000} would be 14 November 2023), and default leniency
     * does not change that for instants as it does for dates.
     */
    static final class InstantsAsText extends StdScalarDeserializer<Instant> {

        InstantsAsText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText().strip();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not a date-time with its offset");
            }
        }
    }

    @Override
    public void customize(Jackson2ObjectMapperBuilder builder) {
        builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A key given twice is refused: otherwise the last one silently won ({"outcome": "NO_FIT", "outcome": …}).
        builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Enums by name only: without this, "themes": [3] silently meant the fourth theme.
        builder.featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // One value per body: without this, {"actorId": "A"}{"actorId": "B"} registered A and dropped B unsaid.
        builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // No string may carry a NUL character: PostgreSQL stores none (text, jsonb), so it would fail at the database.
        builder.postConfigurer(mapper -> {
            mapper.registerModule(new SimpleModule("no-nul-strings").addDeserializer(String.class, new NoNulStrings()));
            mapper.registerModule(new SimpleModule("instants-as-text").addDeserializer(Instant.class, new InstantsAsText()));
            // Dates as written (« 2027-12-31 », « 2027-12-31T10:00:00Z »), not as numbers: 20271231 was read as a day
            // counted from 1970, some 55,000 years ahead, and 20500 silently as 16 February 2026.
            mapper.setDefaultLeniency(false);
            mapper.coercionConfigFor(LogicalType.Integer)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Float)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        });
    }
}
