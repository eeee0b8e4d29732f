package fr.labos.partenariats.schema.profile;


import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The offer no longer stands: it leaves every matching. */
@Revision("1")
public record OfferWithdrawnEvent(String offerId, String actorId, String reason, Instant withdrawnAt) {
}
