package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A registered participant did not come, or left: it sits at no table of the rounds not yet started. */
@Revision("1")
public record ParticipantMarkedAbsentEvent(String sessionId, String actorId, Instant markedAt) {
}
