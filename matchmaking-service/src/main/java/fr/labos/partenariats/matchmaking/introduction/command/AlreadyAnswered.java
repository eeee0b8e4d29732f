package fr.labos.partenariats.matchmaking.introduction.command;

/** A side answers an introduction once. */
public class AlreadyAnswered extends IntroductionConflict {

    public AlreadyAnswered(String introductionId, String actorId) {
        super("l'acteur " + actorId + " a déjà répondu à la mise en relation " + introductionId, introductionId, actorId);
    }
}
