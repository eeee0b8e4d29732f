package fr.labos.partenariats.matchmaking.session.command;

/** Only a wish expressed (and not taken back since) is taken back. */
public class WishNotExpressed extends SessionConflict {

    public WishNotExpressed(String actorId, String wishedActorId) {
        super("l'acteur {0} n'a pas souhaité rencontrer {1}", actorId, wishedActorId);
    }
}
