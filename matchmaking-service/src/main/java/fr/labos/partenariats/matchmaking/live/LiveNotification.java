package fr.labos.partenariats.matchmaking.live;

import java.time.Instant;

/**
 * That an event was committed, as the live stream tells browsers: what happened to which aggregate, never the event's
 * content. A page that cares reloads what it shows from the API, which decides what the reader may see. A reader who
 * may not read the introduction or the session an event belongs to hears it {@link #withoutAggregate() without}
 * which one it was ({@link LiveAudience}).
 *
 * @param source      {@code profile} (actors, needs, offers) or {@code matchmaking} (introductions, sessions)
 * @param type        the event's simple name, e.g. {@code NeedRegisteredEvent}
 * @param aggregateId the actor, need, offer, introduction or session it belongs to; null for a reader who may not
 *                    read it
 * @param sequence    its sequence number within that aggregate; -1 without the aggregate
 * @param actorId     for a profile event, the actor acted for (public, as actors and their posts are); else null
 * @param at          when the event happened
 * @param receivedAt  when this service read it from Kafka (what a live delay is measured against)
 */
public record LiveNotification(String eventId, String source, String type, String aggregateId, long sequence,
                               String actorId, Instant at, Instant receivedAt) {

    /** The same event without the aggregate it belongs to: that one of this type happened, and when. */
    LiveNotification withoutAggregate() {
        return new LiveNotification(eventId, source, type, null, -1, null, at, receivedAt);
    }
}
