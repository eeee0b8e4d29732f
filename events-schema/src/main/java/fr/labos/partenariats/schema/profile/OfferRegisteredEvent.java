package fr.labos.partenariats.schema.profile;


import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An actor posted an offer (offre). */
@Revision("1")
public record OfferRegisteredEvent(String offerId, String actorId, PostDetails details, Instant registeredAt) {
}
