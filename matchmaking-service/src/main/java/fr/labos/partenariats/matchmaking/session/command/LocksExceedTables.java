package fr.labos.partenariats.matchmaking.session.command;

/**
 * A table lost would leave a round not started with fewer tables than meetings locked in it: the re-plan could keep
 * only some of the locks, and would drop one without a word.
 */
public class LocksExceedTables extends SessionConflict {

    public LocksExceedTables(int table, int round, long locked, int tablesLeft) {
        super("sans la table " + table + ", il resterait " + tablesLeft + " table" + (tablesLeft > 1 ? "s" : "")
                + " au tour " + round + " pour " + locked + " rencontres verrouillées : déverrouillez-en "
                + (locked - tablesLeft > 1 ? locked - tablesLeft : "une") + " avant de retirer la table");
    }
}
