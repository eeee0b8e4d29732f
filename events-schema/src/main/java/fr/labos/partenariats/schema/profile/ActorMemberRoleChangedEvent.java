package fr.labos.partenariats.schema.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A member's role in its organisation changed: named manager, or a manager again a member only. Who decided is in the
 * event's metadata.
 *
 * @param actorId       the organisation
 * @param memberSubject the {@code sub} claim of the member's tokens
 * @param role          its role from now on
 * @param changedAt     when
 */
@ActorPrivate
@Revision("1")
public record ActorMemberRoleChangedEvent(String actorId, String memberSubject, MemberRole role, Instant changedAt) {
}
