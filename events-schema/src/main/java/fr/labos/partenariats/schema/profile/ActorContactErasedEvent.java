package fr.labos.partenariats.schema.profile;


import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The contact person of an actor was erased on request (right to erasure); nothing personal remains. */
@ActorPrivate
@Revision("1")
public record ActorContactErasedEvent(String actorId, Instant erasedAt) {
}
