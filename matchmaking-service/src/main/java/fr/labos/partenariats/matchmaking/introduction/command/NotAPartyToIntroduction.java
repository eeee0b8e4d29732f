package fr.labos.partenariats.matchmaking.introduction.command;

/** A side may act only for one of the two actors of the introduction. */
public class NotAPartyToIntroduction extends IntroductionForbidden {

    public NotAPartyToIntroduction(String introductionId, String actorId) {
        super("l'acteur " + actorId + " n'est pas partie à la mise en relation " + introductionId, introductionId, actorId);
    }
}
