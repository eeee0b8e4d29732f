package fr.labos.partenariats.schema.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A member granted by profile-service no longer acts for the actor: it left, or someone acting for the actor (another
 * member, a facilitator of its territory, an admin) removed it. From then on it reads neither the actor's reserved data
 * nor the contact persons of the partners the actor was introduced to. Who removed it is in the event's metadata.
 * Members named by the identity provider's tokens are not concerned: the provider removes those.
 *
 * @param actorId       the organisation
 * @param memberSubject the {@code sub} claim of the former member's tokens
 * @param leftAt        when
 */
@ActorPrivate
@Revision("1")
public record ActorMemberLeftEvent(String actorId, String memberSubject, Instant leftAt) {
}
