package fr.labos.partenariats.matchmaking.session.schedule;

/** A participant wishes to meet another. */
public record Wish(String actorId, String wishedActorId) {
}
