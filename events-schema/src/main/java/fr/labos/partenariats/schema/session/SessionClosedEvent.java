package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The session is over; nothing changes it any more. */
@Revision("1")
public record SessionClosedEvent(String sessionId, Instant closedAt) {
}
