package fr.labos.partenariats.matchmaking.session.command;

/**
 * A schedule computed from a version that is no longer the session's: another change (a re-plan after a presence
 * changed at the desk, a facilitator's adjustment on another device) was written in between, and this one, written
 * over it, would undo it.
 */
public class ScheduleChangedMeanwhile extends SessionConflict {

    public ScheduleChangedMeanwhile(int basedOn, int current) {
        super("le planning a changé entre-temps (version " + current + ", ce changement partait de la version "
                + basedOn + ") : relisez-le, puis recommencez");
    }
}
