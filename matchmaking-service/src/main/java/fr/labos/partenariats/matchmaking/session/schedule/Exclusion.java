package fr.labos.partenariats.matchmaking.session.schedule;

/**
 * Two participants the scheduler must not seat together, and why (same organisation, already partners, declined as
 * competitor, met in an earlier session).
 */
public record Exclusion(String actorId, String partnerActorId, String reason) {
}
