package fr.labos.partenariats.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names the field of a JSON body that could not be read, and says why in the reader's language, without Jackson's
 * text (which quotes Java class names and whole values).
 */
final class JsonFieldErrors {

    private static final int ENUM_LIST_LIMIT = 30;

    private final ProblemMessages messages;

    JsonFieldErrors(ProblemMessages messages) {
        this.messages = messages;
    }

    FieldProblem describe(JsonProcessingException e, Locale locale) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            JsonLocation where = e.getLocation();
            String duplicate = duplicateField(e);
            if (duplicate != null) {
                return new FieldProblem(ProblemMessages.quote(duplicate), messages.get("problem.field.duplicate", locale));
            }
            if (trailingValue(e)) {
                return atPosition("problem.body.trailing", where, locale);
            }
            // Well-formed JSON of another shape than the body's ([{…}] where one object is read): its shape is said,
            // not « JSON illisible », which would send the reader looking for a syntax error there is not.
            if (e instanceof MismatchedInputException mismatch && !(e instanceof JsonParseException)
                    && mismatch.getTargetType() != null) {
                return new FieldProblem("body", messages.get("problem.field.expected", locale,
                        ProblemMessages.written(typeName(mismatch.getTargetType(), locale, messages))));
            }
            if (e instanceof JsonParseException || where != null) {
                return atPosition("problem.body.not-json", where, locale);
            }
            return new FieldProblem("body", messages.get("problem.body.not-readable", locale));
        }
        String field = path(mapping.getPath());
        if (mapping instanceof UnrecognizedPropertyException) {
            return new FieldProblem(field, messages.get("problem.field.unknown", locale));
        }
        if (mapping instanceof ValueInstantiationException instantiation) {
            Class<?> type = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
            String specific = type == null ? null : "problem.field.value-of." + type.getSimpleName();
            return new FieldProblem(field, specific != null && messages.has(specific, locale)
                    ? messages.get(specific, locale) : messages.get("problem.field.invalid", locale));
        }
        if (mapping instanceof StrictJson.NulCharacter) {
            return new FieldProblem(field, messages.get("problem.field.nul-character", locale));
        }
        if (mapping instanceof StrictJson.LoneSurrogate) {
            return new FieldProblem(field, messages.get("problem.field.lone-surrogate", locale));
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                return new FieldProblem(field, messages.get("problem.field.unknown-value", locale,
                        format.getValue(), ProblemMessages.written(enumValues(target))));
            }
            return new FieldProblem(field, messages.get("problem.field.wrong-type", locale,
                    format.getValue(), ProblemMessages.written(typeName(target, locale, messages))));
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum() && target.getEnumConstants().length > 0) {
                return new FieldProblem(field, messages.get("problem.field.expected", locale,
                        ProblemMessages.written(enumValues(target))));
            }
            return new FieldProblem(field, messages.get("problem.field.expected", locale,
                    ProblemMessages.written(typeName(target, locale, messages))));
        }
        return new FieldProblem(field, messages.get("problem.field.invalid", locale));
    }

    /**
     * The field given twice in one object ({@code {"outcome": "NO_FIT", "outcome": "PARTNERSHIP_FORMED"}}), which
     * Jackson reports only in its message; null for any other error.
     */
    private static String duplicateField(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        String prefix = "Duplicate field '";
        if (!(e instanceof JsonParseException) || message == null || !message.startsWith(prefix)) {
            return null;
        }
        int end = message.lastIndexOf('\'');
        return end > prefix.length() ? message.substring(prefix.length(), end) : null;
    }

    /** A problem of the body as a whole, said with its line and column (0 when Jackson knows none). */
    private FieldProblem atPosition(String code, JsonLocation where, Locale locale) {
        return new FieldProblem("body", messages.get(code, locale, where == null ? 0 : where.getLineNr(),
                where == null ? 0 : where.getColumnNr()));
    }

    /**
     * Something after the body's value ({@code {"actorId": "A"}{"actorId": "B"}}), refused by
     * {@code FAIL_ON_TRAILING_TOKENS}: Jackson says so only in its message, whose start has not changed since it
     * was introduced.
     */
    private static boolean trailingValue(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return e instanceof MismatchedInputException && message != null && message.startsWith("Trailing token");
    }

    static String typeName(Class<?> type, Locale locale, ProblemMessages messages) {
        String kind;
        if (type == null) {
            kind = "value";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            kind = "integer";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            kind = "number";
        } else if (type == boolean.class || type == Boolean.class) {
            kind = "boolean";
        } else if (CharSequence.class.isAssignableFrom(type)) {
            kind = "string";
        } else if (type == LocalDate.class) {
            kind = "date";
        } else if (type == LocalTime.class) {
            kind = "time";
        } else if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            kind = "date-time";
        } else if (type == LocalDateTime.class) {
            kind = "local-date-time";
        } else if (Temporal.class.isAssignableFrom(type)) {
            kind = "value";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            kind = "list";
        } else if (type.isEnum()) {
            return enumValues(type);
        } else if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            kind = "object";
        } else {
            kind = "value";
        }
        return messages.get("problem.type." + kind, locale);
    }

    private static String enumValues(Class<?> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        return names.size() <= ENUM_LIST_LIMIT ? String.join(", ", names)
                : names.stream().limit(ENUM_LIST_LIMIT).collect(Collectors.joining(", ")) + ", …";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ProblemMessages.quote(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
