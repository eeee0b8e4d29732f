package fr.labos.partenariats.matchmaking.session.command;

/** An actor is registered once to a session. */
public class AlreadyRegistered extends SessionConflict {

    public AlreadyRegistered(String actorId) {
        super("l'acteur {0} est déjà inscrit à la session", actorId);
    }
}
