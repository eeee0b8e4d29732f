package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A participant wishes to meet another; mutual when the other had already wished to meet it. */
@Revision("1")
public record MeetingWishExpressedEvent(String sessionId, String actorId, String wishedActorId, boolean mutual,
                                        Instant expressedAt) {
}
