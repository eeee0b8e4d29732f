package fr.labos.partenariats.matchmaking.session.command;

/**
 * A schedule that seats a meeting of a round to come at a table recorded lost: for a re-plan computed before the loss
 * was recorded (at another desk), the session moved on; for a change by hand, a mistake.
 */
public class LostTableSeated extends InvalidSession {

    public LostTableSeated(int table) {
        super("meetings", "la table " + table + " est retirée : aucune rencontre des tours à venir n'y a lieu");
    }
}
