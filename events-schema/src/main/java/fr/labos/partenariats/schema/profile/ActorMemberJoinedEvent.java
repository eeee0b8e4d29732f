package fr.labos.partenariats.schema.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A signed-in user became a member of an actor: it may now act for that organisation (post, update, withdraw, see
 * its contact person). The member is named by its pseudonymous subject id only, never by name or e-mail.
 *
 * @param actorId       the organisation
 * @param memberSubject the {@code sub} claim of the new member's tokens
 * @param joinedAt      when
 */
@Revision("1")
public record ActorMemberJoinedEvent(String actorId, String memberSubject, Instant joinedAt) {
}
