package fr.labos.partenariats.matchmaking.introduction.command;

/** The introduction expired unanswered: nothing more can happen to it. */
public class IntroductionExpired extends IntroductionConflict {

    public IntroductionExpired(String introductionId) {
        super("la mise en relation " + introductionId + " a expiré sans réponse des deux parties", introductionId);
    }
}
