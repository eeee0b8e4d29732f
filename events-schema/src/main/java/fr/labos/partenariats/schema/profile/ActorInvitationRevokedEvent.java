package fr.labos.partenariats.schema.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Someone acting for the actor withdrew an invitation before it was used (a code sent to the wrong person, a colleague
 * who left): its code no longer works. Who withdrew it is in the event's metadata.
 *
 * @param actorId      the organisation
 * @param invitationId the invitation withdrawn
 * @param revokedAt    when
 */
@ManagersOnly
@Revision("1")
public record ActorInvitationRevokedEvent(String actorId, String invitationId, Instant revokedAt) {
}
