package fr.labos.partenariats.matchmaking.session.command;

/** A meeting held is one the schedule put in a started round. */
public class MeetingNotScheduled extends SessionConflict {

    public MeetingNotScheduled(int round, String actorId, String partnerActorId) {
        super("aucune rencontre entre {0} et {1} n'est prévue dans un tour " + round + " commencé", actorId, partnerActorId);
    }
}
