package fr.labos.partenariats.matchmaking.projection.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.platform.relay.RelayedHeaders;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventUpcasts;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns a record of {@code lab.profile.events} into a {@link ProfileEvent}, following the producers' contract. The
 * contract (headers, JSON payload of an {@link EventCatalog} type) is the same on {@code lab.matchmaking.events}, whose
 * read models use this reader too.
 */
public final class ProfileEventReader {

    private ProfileEventReader() {
    }

    /** The type header, or null when absent. */
    public static String typeOf(ConsumerRecord<?, ?> record) {
        return RelayedHeaders.text(record, EventHeaders.EVENT_TYPE);
    }

    /**
     * The event, or empty if its type is unknown to this service (a producer may add types before consumers learn
     * them).
     *
     * @throws MalformedEventException if the record breaks the contract in a way no retry can mend
     */
    public static Optional<ProfileEvent> read(ConsumerRecord<String, String> record) {
        String type = typeOf(record);
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("no " + EventHeaders.EVENT_TYPE + " header");
        }
        Optional<Class<?>> eventClass = EventCatalog.typeFor(type);
        if (eventClass.isEmpty()) {
            return Optional.empty();
        }
        String revision = RelayedHeaders.text(record, EventHeaders.EVENT_REVISION);
        String supported = EventCatalog.revisionOf(eventClass.get());
        if (revision != null && !EventUpcasts.canRead(eventClass.get(), revision)) {
            // A newer revision than ours, or one no upcast leads from: reading it as ours could silently lose fields.
            throw new MalformedEventException(type + " revision " + revision + " is not supported (this service reads"
                    + " revision " + supported + ", and the earlier ones it upcasts)");
        }
        if (record.value() == null) {
            throw new MalformedEventException(type + " has no payload");
        }
        Object payload;
        try {
            payload = EventUpcasts.read(record.value(), eventClass.get(), revision);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(type + " payload is not valid JSON for its type: " + e.getOriginalMessage(), e);
        }
        if (payload == null) {
            // The JSON text « null »: valid JSON that Jackson reads as no event at all.
            throw new MalformedEventException(type + " has a null payload");
        }
        String aggregateId = RelayedHeaders.text(record, EventHeaders.AGGREGATE_ID);
        return Optional.of(new ProfileEvent(
                RelayedHeaders.text(record, EventHeaders.EVENT_ID),
                type,
                aggregateId != null ? aggregateId : record.key(),
                sequence(record, type),
                timestamp(record),
                payload));
    }

    private static long sequence(ConsumerRecord<String, String> record, String type) {
        String value = RelayedHeaders.text(record, EventHeaders.AGGREGATE_SEQUENCE);
        if (value == null) {
            throw new MalformedEventException(type + " has no " + EventHeaders.AGGREGATE_SEQUENCE + " header: idempotence needs it");
        }
        try {
            long sequence = Long.parseLong(value.trim());
            if (sequence < 0) {
                throw new MalformedEventException(type + " has a negative aggregate sequence " + sequence);
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new MalformedEventException(type + " has a non-numeric aggregate sequence '" + value + "'", e);
        }
    }

    private static Instant timestamp(ConsumerRecord<String, String> record) {
        String value = RelayedHeaders.text(record, EventHeaders.TIMESTAMP);
        if (value != null) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e) {
                // Only the lag metric reads it: the record's own timestamp is a fair stand-in, not a reason to skip.
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }
}
