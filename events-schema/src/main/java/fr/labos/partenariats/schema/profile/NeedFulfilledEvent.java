package fr.labos.partenariats.schema.profile;


import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The need was met (by a partner found here or elsewhere): it leaves every matching, and counts as a success. */
@Revision("1")
public record NeedFulfilledEvent(String needId, String actorId, String note, Instant fulfilledAt) {
}
