package fr.labos.partenariats.matchmaking.session.command;

/** Once published, the schedule changes only through live changes; registrations and wishes are closed. */
public class SchedulePublishedAlready extends SessionConflict {

    // The facilitator is on the session's page: its id would say nothing more.
    public SchedulePublishedAlready() {
        super("le planning de la session est déjà publié");
    }
}
