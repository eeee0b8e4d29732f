package fr.labos.partenariats.matchmaking.session.command;

/**
 * A step that needs an earlier one: participants before a schedule, a schedule before publication, publication
 * before rounds.
 */
public class ScheduleNotReady extends SessionConflict {

    public ScheduleNotReady(String why, String... actorIds) {
        super(why, actorIds);
    }
}
