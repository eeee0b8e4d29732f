package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Two participants met at their table during a round of the session. */
@Revision("1")
public record SessionMeetingHeldEvent(String sessionId, int round, int table, String actorId, String partnerActorId,
                                      Instant heldAt) {
}
