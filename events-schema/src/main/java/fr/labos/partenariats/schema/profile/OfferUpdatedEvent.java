package fr.labos.partenariats.schema.profile;


import org.axonframework.serialization.Revision;

/** An actor changed its offer; carries the whole new content. */
@Revision("1")
public record OfferUpdatedEvent(String offerId, String actorId, PostDetails details) {
}
