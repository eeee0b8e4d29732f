package fr.labos.partenariats.matchmaking.session.command;

/** A schedule that seats a participant marked absent at a table of a round to come. */
public class AbsentParticipantSeated extends InvalidSession {

    public AbsentParticipantSeated() {
        super("meetings", "un participant absent ne siège à aucune table des tours à venir");
    }
}
