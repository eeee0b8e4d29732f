package fr.labos.partenariats.matchmaking.introduction.view;

import java.time.Instant;
import java.util.Objects;

/**
 * An introduction event as read from {@code lab.matchmaking.events}: the events-schema record and what travelled with
 * it in the headers, including who acted (the principal headers; null when the producer had no principal).
 *
 * @param sequence position of the event in its introduction (0 = the proposal): what makes the views idempotent
 */
record IntroductionEvent(String eventId, String type, String introductionId, long sequence, Instant timestamp,
                         Object payload, String subject, String role, String actingFor) {

    IntroductionEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(introductionId, "introductionId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }
}
