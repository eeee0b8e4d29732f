package fr.labos.partenariats.profile.post.command;

/** Tells whether an actor is registered; a need or an offer can only be posted by one. */
public interface ActorRegistry {
    boolean isRegistered(String actorId);
}
