package fr.labos.partenariats.matchmaking.session.command;

/** Only registered participants are scheduled, checked in, marked absent or wished for. */
public class NotAParticipant extends SessionConflict {

    public NotAParticipant(String actorId) {
        super("l'acteur {0} n'est pas inscrit à la session", actorId);
    }
}
