package fr.labos.partenariats.matchmaking.session.command;

/** An actor is registered once to a session. */
public class AlreadyRegistered extends SessionConflict {

    public AlreadyRegistered(String sessionId, String actorId) {
        super("l'acteur " + actorId + " est déjà inscrit à la session " + sessionId);
    }
}
