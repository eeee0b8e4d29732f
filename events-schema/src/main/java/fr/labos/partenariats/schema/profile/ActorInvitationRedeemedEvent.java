package fr.labos.partenariats.schema.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An invitation's code was given back by a signed-in user, who joins the actor ({@link ActorMemberJoinedEvent}
 * follows in the same transaction). The invitation serves no more.
 *
 * @param actorId       the organisation
 * @param invitationId  the invitation used
 * @param memberSubject the {@code sub} claim of whoever used it
 * @param redeemedAt    when
 */
@Revision("1")
public record ActorInvitationRedeemedEvent(String actorId, String invitationId, String memberSubject,
                                           Instant redeemedAt) {
}
