package fr.labos.partenariats.schema.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Someone acting for an actor invited a colleague to become its member: whoever signs in and gives the invitation's
 * code before it expires joins the actor ({@link ActorInvitationRedeemedEvent}, then {@link ActorMemberJoinedEvent}).
 * The code is shown once, to whoever invited; only its SHA-256 digest is kept, here and everywhere else, so that
 * neither the event store nor the topic hands a working code to whoever reads them. Who invited is in the event's
 * metadata. An invitation serves once.
 *
 * @param actorId      the organisation
 * @param invitationId the invitation, named by the first part of its code
 * @param codeDigest   SHA-256 of the code's secret part, lowercase hexadecimal
 * @param expiresAt    from then on the code no longer works
 * @param invitedAt    when
 */
@ManagersOnly
@Revision("1")
public record ActorMemberInvitedEvent(String actorId, String invitationId, String codeDigest, Instant expiresAt,
                                      Instant invitedAt) {
}
