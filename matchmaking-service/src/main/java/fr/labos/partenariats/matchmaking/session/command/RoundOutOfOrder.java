package fr.labos.partenariats.matchmaking.session.command;

/** Rounds start one after the other, from the first to the last. */
public class RoundOutOfOrder extends SessionConflict {

    public RoundOutOfOrder(int expected, int asked) {
        super("le tour " + asked + " ne peut pas commencer : le prochain tour est le " + expected);
    }

    private RoundOutOfOrder(String why) {
        super(why);
    }

    /** Every round of the session has started: there is no next round to name. */
    public static RoundOutOfOrder allStarted(int rounds, int asked) {
        return new RoundOutOfOrder("le tour " + asked + " ne peut pas commencer : les " + rounds
                + " tours de la session ont tous commencé");
    }
}
