package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.schema.profile.PostDetails;

/** A need or an offer as the model reads it. */
public record Post(String id, String actorId, PostDetails details) {
}
