package fr.labos.partenariats.matchmaking.session.command;

/** Rounds start one after the other, from the first to the last. */
public class RoundOutOfOrder extends SessionConflict {

    public RoundOutOfOrder(int expected, int asked) {
        super("le tour " + asked + " ne peut pas commencer : le prochain tour est le " + expected);
    }
}
