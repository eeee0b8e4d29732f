package fr.labos.partenariats.matchmaking.introduction.command;

/** The introduction expired before both sides accepted it: nothing more can happen to it. */
public class IntroductionExpired extends IntroductionConflict {

    public IntroductionExpired(String introductionId) {
        super("la mise en relation " + introductionId + " a expiré : les deux parties ne l'avaient pas acceptée "
                + "avant son échéance", introductionId);
    }
}
