package fr.labos.partenariats.schema.profile;


import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The need no longer stands: it leaves every matching. */
@Revision("1")
public record NeedWithdrawnEvent(String needId, String actorId, String reason, Instant withdrawnAt) {
}
