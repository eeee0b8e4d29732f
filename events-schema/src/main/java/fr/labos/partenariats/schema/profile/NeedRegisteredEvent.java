package fr.labos.partenariats.schema.profile;


import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An actor posted a need (besoin). */
@Revision("1")
public record NeedRegisteredEvent(String needId, String actorId, PostDetails details, Instant registeredAt) {
}
