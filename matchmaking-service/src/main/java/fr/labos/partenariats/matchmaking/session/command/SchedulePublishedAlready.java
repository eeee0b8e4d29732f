package fr.labos.partenariats.matchmaking.session.command;

/** Once published, the schedule changes only through live changes; registrations and wishes are closed. */
public class SchedulePublishedAlready extends SessionConflict {

    public SchedulePublishedAlready(String sessionId) {
        super("le planning de la session " + sessionId + " est déjà publié");
    }
}
