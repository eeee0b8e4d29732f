package fr.labos.partenariats.matchmaking.session.command;

/** The same fact is recorded once (a wish, a check-in, an absence, a meeting held). */
public class AlreadyDone extends SessionConflict {

    public AlreadyDone(String what, String... actorIds) {
        super(what, actorIds);
    }
}
