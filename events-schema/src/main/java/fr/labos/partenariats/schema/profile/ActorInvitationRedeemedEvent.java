package fr.labos.partenariats.schema.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An invitation's code was given back by a signed-in user, who joins the actor ({@link ActorMemberJoinedEvent}
 * follows in the same transaction). The invitation serves no more.
 * <p>
 * For managers only, as the invitation it names: it tells which invitation served whom, what the invitations' listing
 * tells its readers alone. That the colleague joined, and when, the {@code ActorMemberJoinedEvent} says to every member.
 *
 * @param actorId       the organisation
 * @param invitationId  the invitation used
 * @param memberSubject the {@code sub} claim of whoever used it
 * @param redeemedAt    when
 */
@ManagersOnly
@Revision("1")
public record ActorInvitationRedeemedEvent(String actorId, String invitationId, String memberSubject,
                                           Instant redeemedAt) {
}
