package fr.labos.partenariats.matchmaking.session.command;

/** A round that started keeps its meetings: adjustments and re-plans touch only the rounds not yet started. */
public class StartedRoundChanged extends SessionConflict {

    public StartedRoundChanged(int round) {
        super("le tour " + round + " a commencé : ses rencontres ne peuvent plus changer");
    }
}
