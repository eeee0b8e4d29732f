package fr.labos.partenariats.schema.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A signed-in user became a member of an actor: it may now act for that organisation (post, update, withdraw, see
 * its contact person), and, as a {@link MemberRole#MANAGER manager}, decide who else does. The member is named by its
 * pseudonymous subject id only, never by name or e-mail.
 * <p>
 * Revision 2 added the role. Revision 1 was written before roles existed, when every member could do what a manager
 * does now: it is read as a manager ({@link fr.labos.partenariats.schema.EventUpcasts}).
 *
 * @param actorId       the organisation
 * @param memberSubject the {@code sub} claim of the new member's tokens
 * @param role          manager for whoever registered the actor, member for a colleague who came with an invitation
 * @param joinedAt      when
 */
@ActorPrivate
@Revision("2")
public record ActorMemberJoinedEvent(String actorId, String memberSubject, MemberRole role, Instant joinedAt) {
}
