package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An actor was registered to the session; organisation names who it belongs to, for exclusions. */
@Revision("1")
public record ParticipantRegisteredEvent(String sessionId, String actorId, String organisation, Instant registeredAt) {
}
