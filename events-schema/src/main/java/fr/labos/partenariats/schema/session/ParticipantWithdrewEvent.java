package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A registered actor withdrew before the schedule was published. */
@Revision("1")
public record ParticipantWithdrewEvent(String sessionId, String actorId, Instant withdrewAt) {
}
