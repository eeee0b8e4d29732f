package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A participant arrived after the session started; it joins the rounds not yet started. */
@Revision("1")
public record LateArrivalRegisteredEvent(String sessionId, String actorId, Instant arrivedAt) {
}
