package fr.labos.partenariats.matchmaking.projection;

import java.time.Instant;
import java.util.Objects;

/**
 * A profile event as it reaches the projection: the decoded record of events-schema and what travelled with it.
 *
 * @param sequence  position of the event in its aggregate (0 = registration): what makes handling idempotent
 * @param timestamp when the event happened at the producer
 */
public record ProfileEvent(String eventId, String type, String aggregateId, long sequence, Instant timestamp, Object payload) {

    public ProfileEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 0) {
            throw new IllegalArgumentException("an aggregate sequence starts at 0, not " + sequence);
        }
    }
}
