package fr.labos.partenariats.matchmaking.session.command;

/** A session keeps at least one table: its last one cannot be lost. */
public class NoTableLeft extends SessionConflict {

    public NoTableLeft(int table) {
        super("la table " + table + " est la dernière de la session : une session garde au moins une table");
    }
}
