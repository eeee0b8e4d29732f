package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A participant took back its wish to meet another, before the schedule was published. The other's wish, if it had
 * one, stays, and is no longer mutual.
 */
@Revision("1")
public record MeetingWishWithdrawnEvent(String sessionId, String actorId, String wishedActorId, Instant withdrawnAt) {
}
