package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A registered participant arrived and was checked in. */
@Revision("1")
public record ParticipantCheckedInEvent(String sessionId, String actorId, Instant checkedInAt) {
}
